package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.UUID;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessLogEntry;
import ca.bim.clinic.client.domain.AccessOutcome;
import ca.bim.clinic.client.domain.AccessResource;

/** One access to a client's record. */
public record AccessLogResponse(UUID id, Instant occurredAt, String actor, String actorRole, AccessAction action,
        AccessResource resource, UUID resourceId, AccessOutcome outcome, String requestId) {

    static AccessLogResponse from(AccessLogEntry entry) {
        return new AccessLogResponse(entry.id, entry.occurredAt, entry.actor, entry.actorRole, entry.action,
                entry.resource, entry.resourceId, entry.outcome, entry.requestId);
    }
}
