package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessLogEntry;
import ca.bim.clinic.client.domain.AccessOutcome;
import ca.bim.clinic.client.domain.AccessResource;

/** One access to a client's record. */
public record AccessLogResponse(UUID id, Instant occurredAt, String actor, String actorRole, AccessAction action,
        AccessResource resource, UUID resourceId, AccessOutcome outcome, String requestId,
        @Schema(description = "For reads of the client's appointments in the booking service: the request made "
                + "(method and path); null otherwise") String request,
        @Schema(description = "For reads of the client's appointments in the booking service: the appointments "
                + "shown; null otherwise") List<UUID> appointmentIds) {

    static AccessLogResponse from(AccessLogEntry entry) {
        return new AccessLogResponse(entry.id, entry.occurredAt, entry.actor, entry.actorRole, entry.action,
                entry.resource, entry.resourceId, entry.outcome, entry.requestId, entry.request,
                entry.appointmentIds == null ? null : List.of(entry.appointmentIds));
    }
}
