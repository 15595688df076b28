package ca.bim.clinic.booking.events;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.booking.domain.Appointment;

/**
 * Writes an appointment event and one pending delivery per destination in the caller's transaction, so the event
 * exists exactly when the change it describes committed.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Serialises outbox inserts until commit, so the global sequence is also commit order: a catch-up reader that
     * saw event N never later finds an event below N appear.
     */
    private static final long SEQUENCE_LOCK = 0x0b00c1e7L;

    private static final String APPEND = """
            WITH e AS (
                INSERT INTO outbox_event (id, type, appointment_id, booked_by, occurred_at, version, payload)
                VALUES (:id, :type, :appointment, :bookedBy, :occurredAt, :version, CAST(:payload AS json))
                RETURNING seq, id, appointment_id)
            INSERT INTO event_delivery (id, event_seq, event_id, event_type, appointment_id, destination,
                                        subscription_id, status, attempts, next_attempt_at)
            SELECT gen_random_uuid(), e.seq, e.id, CAST(:type AS varchar), e.appointment_id, 'client-service', NULL,
                   'PENDING', 0, CAST(:occurredAt AS timestamptz)
            FROM e WHERE CAST(:toClientService AS boolean)
            UNION ALL
            SELECT gen_random_uuid(), e.seq, e.id, CAST(:type AS varchar), e.appointment_id, 'webhook:' || s.id, s.id,
                   'PENDING', 0, CAST(:occurredAt AS timestamptz)
            FROM e JOIN webhook_subscription s ON s.all_appointments OR s.owner = :bookedBy
            WHERE EXISTS (SELECT 1 FROM webhook_subscription_event_type t
                          WHERE t.subscription_id = s.id AND t.event_type = :type)
            """;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final EventsConfig config;

    Outbox(EntityManager em, ObjectMapper json, Clock clock, EventsConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

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

    private EventEnvelope append(String type, Appointment a, java.time.OffsetDateTime previousStart,
            java.time.OffsetDateTime previousEnd, Boolean late) {
        ZoneId zone = a.location.zone();
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, now, EventTypes.VERSION,
                new EventEnvelope.Data(a.id, a.clientId, a.practitioner.id, a.practitioner.keycloakUsername,
                        a.location.id, a.location.code, a.type.code, a.startsAt.atZone(zone).toOffsetDateTime(),
                        a.endsAt.atZone(zone).toOffsetDateTime(), a.status.wire(), previousStart, previousEnd, late));
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
        em.flush();
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:key)").setParameter("key", SEQUENCE_LOCK)
                .getSingleResult();
        em.createNativeQuery(APPEND)
                .setParameter("id", envelope.id())
                .setParameter("type", type)
                .setParameter("appointment", a.id)
                .setParameter("bookedBy", a.bookedBy)
                .setParameter("occurredAt", now)
                .setParameter("version", EventTypes.VERSION)
                .setParameter("payload", payload)
                .setParameter("toClientService", config.clientService().enabled())
                .executeUpdate();
        return envelope;
    }
}
