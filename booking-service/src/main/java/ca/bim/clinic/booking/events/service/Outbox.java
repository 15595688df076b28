package ca.bim.clinic.booking.events.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.Hold;
import ca.bim.clinic.booking.domain.SlotClaim;
import ca.bim.clinic.booking.events.config.EventsConfig;
import ca.bim.clinic.booking.events.domain.EventEnvelope;
import ca.bim.clinic.booking.events.domain.EventTypes;
import ca.bim.clinic.common.persistence.AfterCommit;

/**
 * Writes an event and one pending delivery per destination in the caller's transaction, so the event exists exactly
 * when the change it describes committed. Writers take no lock of their own: the feed's order comes from the
 * writing transaction's id (see {@link EventFeed}), and each appointment's events are already ordered by the row
 * lock on the appointment that every change takes before its event is written.
 */
@ApplicationScoped
public class Outbox {

    private static final String APPEND = """
            WITH e AS (
                INSERT INTO outbox_event (id, type, appointment_id, client_id, booked_by, occurred_at, version,
                                          payload, internal)
                VALUES (:id, :type, CAST(:appointment AS uuid), CAST(:client AS uuid), CAST(:bookedBy AS varchar), :occurredAt, :version, CAST(:payload AS json),
                        CAST(:internal AS boolean))
                RETURNING seq, id, appointment_id)
            INSERT INTO event_delivery (id, event_seq, event_id, event_type, appointment_id, destination,
                                        subscription_id, status, attempts, next_attempt_at)
            SELECT gen_random_uuid(), e.seq, e.id, CAST(:type AS varchar), e.appointment_id, 'client-service', NULL,
                   'PENDING', 0, CAST(:occurredAt AS timestamptz)
            FROM e WHERE CAST(:toClientService AS boolean)
            UNION ALL
            SELECT gen_random_uuid(), e.seq, e.id, CAST(:type AS varchar), e.appointment_id, 'webhook:' || s.id, s.id,
                   'PENDING', 0, CAST(:occurredAt AS timestamptz)
            FROM e JOIN webhook_subscription s ON s.all_appointments OR s.owner = CAST(:bookedBy AS varchar)
            WHERE NOT CAST(:internal AS boolean)
              AND EXISTS (SELECT 1 FROM webhook_subscription_event_type t
                          WHERE t.subscription_id = s.id AND t.event_type = :type)
            """;

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject EventsConfig config;
    @Inject TransactionSynchronizationRegistry transactions;
    @Inject Dispatcher dispatcher;

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope booked(Appointment a) {
        return append(EventTypes.BOOKED, a, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope rescheduled(Appointment a, Instant previousStart, Instant previousEnd, ZoneId previousZone) {
        return append(EventTypes.RESCHEDULED, a, previousStart.atZone(previousZone).toOffsetDateTime(),
                previousEnd.atZone(previousZone).toOffsetDateTime(), null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope cancelled(Appointment a) {
        return append(EventTypes.CANCELLED, a, null, null, a.lateCancellation);
    }

    /** checked-in, completed or no-show. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope statusChanged(String type, Appointment a) {
        return append(type, a, null, null, null);
    }

    /**
     * Someone other than the client read or listed the client's appointments: an entry for the client's access log
     * in client-service (contract 4). Internal: never in the partner feed or in webhooks. Returns the event id.
     * Joins the caller's transaction if there is one; a plain read without one gets a short transaction of its own.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public UUID appointmentsRead(UUID clientId, String viewerSubject, String viewerRole, List<UUID> appointmentIds,
            String request) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clientId", clientId);
        data.put("viewerSubject", viewerSubject);
        data.put("viewerRole", viewerRole);
        data.put("appointmentIds", appointmentIds);
        data.put("request", request);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", EventTypes.APPOINTMENTS_READ);
        envelope.put("occurredAt", now);
        envelope.put("version", EventTypes.VERSION);
        envelope.put("data", data);
        insert(id, EventTypes.APPOINTMENTS_READ, null, clientId, null, now, serialise(envelope), true);
        return id;
    }

    /**
     * A waitlist entry was offered a freed slot: {@code hold} keeps it for the client until its expiry. Goes to
     * whoever created the entry (feed and webhooks), like the appointment events of what it booked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope waitlistOffered(Hold hold, UUID entryId) {
        return append(EventTypes.WAITLIST_OFFERED, hold, "held", new EventEnvelope.Extra(null, null, null, null,
                hold.expiresAt, entryId));
    }

    private EventEnvelope append(String type, Appointment a, OffsetDateTime previousStart,
            OffsetDateTime previousEnd, Boolean late) {
        return append(type, a, a.status.wire(), new EventEnvelope.Extra(previousStart, previousEnd, late, a.seriesId,
                null, null));
    }

    private EventEnvelope append(String type, SlotClaim a, String status, EventEnvelope.Extra extra) {
        ZoneId zone = a.location.zone();
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, now, EventTypes.VERSION,
                new EventEnvelope.Data(a.id, a.clientId, a.practitioner.id, a.practitioner.keycloakUsername,
                        a.practitioner.subject,
                        a.location.id, a.location.code, a.type.code, a.startsAt.atZone(zone).toOffsetDateTime(),
                        a.endsAt.atZone(zone).toOffsetDateTime(), status, extra.previousStartsAt(),
                        extra.previousEndsAt(), extra.late(), extra.seriesId(), extra.holdExpiresAt(),
                        extra.waitlistEntryId()));
        // The appointment's own change goes first, so its row lock orders this appointment's events.
        em.flush();
        insert(envelope.id(), type, a.id, a.clientId, a.bookedBy, now, serialise(envelope), false);
        return envelope;
    }

    private void insert(UUID id, String type, UUID appointment, UUID client, String bookedBy, Instant at,
            String payload, boolean internal) {
        int deliveries = em.createNativeQuery(APPEND)
                .setParameter("id", id)
                .setParameter("type", type)
                .setParameter("appointment", appointment)
                .setParameter("client", client)
                .setParameter("bookedBy", bookedBy)
                .setParameter("occurredAt", at)
                .setParameter("version", EventTypes.VERSION)
                .setParameter("payload", payload)
                .setParameter("internal", internal)
                .setParameter("toClientService", config.clientService().enabled())
                .executeUpdate();
        // No delivery but client-service's: the dispatcher may leave it to the group already in flight there.
        wakeAfterCommit(deliveries == 1 && config.clientService().enabled());
    }

    /** The dispatcher hears of the new event as soon as it is visible, instead of at its next poll. */
    private void wakeAfterCommit(boolean clientServiceOnly) {
        AfterCommit.run(transactions, clientServiceOnly ? dispatcher::wakeForClientService : dispatcher::wake);
    }

    private String serialise(Object envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }
}
