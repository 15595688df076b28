package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.MDC;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessLogEntry;
import ca.bim.clinic.client.domain.AccessOutcome;
import ca.bim.clinic.client.domain.AccessResource;
import ca.bim.clinic.client.repository.AccessLogRepository;
import ca.bim.clinic.client.security.Actor;
import ca.bim.clinic.common.rest.RequestLogFilter;

/** Writes the access log: allowed accesses inside the caller's transaction, denied ones in their own. */
@ApplicationScoped
public class AccessLog {

    @Inject AccessLogRepository entries;
    @Inject Clock clock;

    /** Records an allowed access as part of the surrounding transaction, so a change and its entry commit together. */
    @Transactional(TxType.MANDATORY)
    public void allowed(UUID clientId, Actor actor, AccessAction action, AccessResource resource, UUID resourceId) {
        entries.persist(entry(clientId, actor, action, resource, resourceId, AccessOutcome.allowed));
    }

    /** Records a refusal in a transaction of its own: the caller's transaction rolls back with the refusal. */
    @Transactional(TxType.REQUIRES_NEW)
    public void denied(UUID clientId, Actor actor, AccessAction action, AccessResource resource, UUID resourceId) {
        entries.persist(entry(clientId, actor, action, resource, resourceId, AccessOutcome.denied));
    }

    /**
     * Records a read of the client's appointments that booking-service reported (its {@code client.appointments-read}
     * event), in the surrounding transaction, dated when the read happened. The event id stands in for the request id, which the event lacks.
     */
    @Transactional(TxType.MANDATORY)
    public void appointmentsRead(UUID clientId, Actor viewer, String request, List<UUID> appointmentIds,
            UUID eventId, Instant readAt) {
        AccessLogEntry entry = entry(clientId, viewer, AccessAction.read, AccessResource.appointments, null,
                AccessOutcome.allowed);
        entry.request = request;
        entry.appointmentIds = appointmentIds.toArray(UUID[]::new);
        entry.requestId = eventId.toString();
        entry.occurredAt = readAt;
        entries.persist(entry);
    }

    private AccessLogEntry entry(UUID clientId, Actor actor, AccessAction action, AccessResource resource,
            UUID resourceId, AccessOutcome outcome) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.clientId = clientId;
        entry.occurredAt = clock.instant();
        entry.actorSubject = actor.subject();
        entry.actor = actor.name();
        entry.actorRole = actor.role();
        entry.action = action;
        entry.resource = resource;
        entry.resourceId = resourceId;
        entry.outcome = outcome;
        entry.requestId = currentRequestId();
        return entry;
    }

    /** The id clinic-common's request filter chose for this request (the gateway's, or a new one). */
    private static String currentRequestId() {
        Object requestId = MDC.get(RequestLogFilter.MDC_KEY);
        // Outside an HTTP request each write gets its own id.
        return requestId != null ? requestId.toString() : UUID.randomUUID().toString();
    }
}
