package ca.bim.clinic.client.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ca.bim.clinic.client.domain.CareAppointment;
import ca.bim.clinic.client.domain.CareGrant;
import ca.bim.clinic.client.domain.CareRevocation;
import ca.bim.clinic.client.domain.CareStatus;

/**
 * Care relationships: appointments with therapists (from booking events), admins' explicit grants and removals.
 * Whether a therapist is in care is one query over the three, so every check applies the same rule.
 */
@ApplicationScoped
public class CareRepository {

    /** The care rule in SQL; :client, :subject and :cutoff (start of the care period) are bound by the caller. */
    private static final String IN_CARE = """
            EXISTS (SELECT 1 FROM care_grant g
                    WHERE g.client_id = :client AND g.therapist_subject = :subject)
            OR EXISTS (SELECT 1 FROM care_appointment a
                       WHERE a.client_id = :client AND a.therapist_subject = :subject
                         AND a.status IN ('booked', 'checked-in', 'completed', 'no-show')
                         AND a.starts_at > :cutoff
                         AND NOT EXISTS (SELECT 1 FROM care_revocation r
                                         WHERE r.client_id = a.client_id AND r.therapist_subject = a.therapist_subject
                                           AND r.revoked_at >= a.booked_at))
            """;

    @Inject EntityManager em;

    /**
     * Whether the therapist is in the client's care: an admin's grant, or an appointment in a granting state whose
     * visit is after {@code cutoff} (now minus the care period) and which was booked after any admin removal.
     */
    public boolean inCare(UUID clientId, String therapistSubject, Instant cutoff) {
        Object result = em.createNativeQuery("SELECT " + IN_CARE)
                .setParameter("client", clientId).setParameter("subject", therapistSubject)
                .setParameter("cutoff", cutoff)
                .getSingleResult();
        return Boolean.TRUE.equals(result);
    }

    /** One therapist currently in a client's care, with the span the care covers. */
    public record Member(String therapistSubject, String therapistUsername, Instant grantedAt, String grantedBy,
            Instant firstBookedAt, Instant lastVisitAt) {
    }

    /** Everyone currently in the client's care, by the same rule as {@link #inCare}. */
    public List<Member> members(UUID clientId, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                WITH qualifying AS (
                    SELECT a.therapist_subject, a.therapist_username, a.booked_at, a.starts_at, a.updated_at
                    FROM care_appointment a
                    WHERE a.client_id = :client
                      AND a.status IN ('booked', 'checked-in', 'completed', 'no-show')
                      AND a.starts_at > :cutoff
                      AND NOT EXISTS (SELECT 1 FROM care_revocation r
                                      WHERE r.client_id = a.client_id AND r.therapist_subject = a.therapist_subject
                                        AND r.revoked_at >= a.booked_at)
                ), by_appointments AS (
                    SELECT therapist_subject,
                           (array_agg(therapist_username ORDER BY updated_at DESC)
                                FILTER (WHERE therapist_username IS NOT NULL))[1] AS username,
                           min(booked_at) AS first_booked_at, max(starts_at) AS last_visit_at
                    FROM qualifying GROUP BY therapist_subject
                ), known_names AS (
                    SELECT DISTINCT ON (therapist_subject) therapist_subject, therapist_username
                    FROM care_appointment
                    WHERE client_id = :client AND therapist_username IS NOT NULL
                    ORDER BY therapist_subject, updated_at DESC
                )
                SELECT COALESCE(g.therapist_subject, b.therapist_subject) AS subject,
                       COALESCE(b.username, n.therapist_username) AS username,
                       g.granted_at, g.granted_by, b.first_booked_at, b.last_visit_at
                FROM (SELECT * FROM care_grant WHERE client_id = :client) g
                FULL JOIN by_appointments b ON b.therapist_subject = g.therapist_subject
                LEFT JOIN known_names n ON n.therapist_subject = COALESCE(g.therapist_subject, b.therapist_subject)
                ORDER BY username NULLS LAST, subject
                """)
                .setParameter("client", clientId).setParameter("cutoff", cutoff)
                .getResultList();
        return rows.stream().map(row -> new Member((String) row[0], (String) row[1], instant(row[2]),
                (String) row[3], instant(row[4]), instant(row[5]))).toList();
    }

    /** An appointment event's view of its appointment, applied by {@link #apply}. */
    public record AppointmentState(UUID appointmentId, UUID clientId, String therapistSubject,
            String therapistUsername, CareStatus status, Instant occurredAt, Instant startsAt) {
    }

    /**
     * Merges an event into the appointment's row, tolerating any order: the state of the latest event (by
     * occurredAt) wins, except that a cancellation is final; {@code booked_at} keeps the earliest event seen. The
     * row is locked until the transaction ends, so concurrent events of one appointment apply one after another.
     * Returns whether the row changed.
     */
    public boolean apply(AppointmentState event, Instant now) {
        int changed = em.createNativeQuery("""
                INSERT INTO care_appointment AS a (appointment_id, client_id, therapist_subject, therapist_username,
                                                   status, status_at, booked_at, starts_at, updated_at)
                VALUES (:appointment, :client, :subject, :username, :status, :occurredAt, :occurredAt, :startsAt, :now)
                ON CONFLICT (appointment_id) DO UPDATE SET
                    therapist_subject = excluded.therapist_subject,
                    therapist_username = excluded.therapist_username,
                    status = excluded.status,
                    status_at = excluded.status_at,
                    starts_at = excluded.starts_at,
                    booked_at = LEAST(a.booked_at, excluded.booked_at),
                    updated_at = excluded.updated_at
                WHERE a.status <> 'cancelled'
                  AND (excluded.status = 'cancelled' OR excluded.status_at > a.status_at)
                """)
                .setParameter("appointment", event.appointmentId()).setParameter("client", event.clientId())
                .setParameter("subject", event.therapistSubject()).setParameter("username", event.therapistUsername())
                .setParameter("status", event.status().code()).setParameter("occurredAt", event.occurredAt())
                .setParameter("startsAt", event.startsAt()).setParameter("now", now)
                .executeUpdate();
        if (changed == 0) {
            // A late event still tells when the appointment was booked, if earlier than anything seen.
            changed = em.createNativeQuery("""
                    UPDATE care_appointment SET booked_at = :occurredAt
                    WHERE appointment_id = :appointment AND booked_at > :occurredAt
                    """)
                    .setParameter("appointment", event.appointmentId()).setParameter("occurredAt", event.occurredAt())
                    .executeUpdate();
        }
        return changed > 0;
    }

    public Optional<CareAppointment> appointment(UUID appointmentId) {
        return Optional.ofNullable(em.find(CareAppointment.class, appointmentId));
    }

    /** An admin's grant; idempotent. Returns whether it was new. */
    public boolean grant(UUID clientId, String therapistSubject, Instant at, String by) {
        return em.createNativeQuery("""
                INSERT INTO care_grant (client_id, therapist_subject, granted_at, granted_by)
                VALUES (:client, :subject, :at, :by) ON CONFLICT DO NOTHING
                """)
                .setParameter("client", clientId).setParameter("subject", therapistSubject)
                .setParameter("at", at).setParameter("by", by)
                .executeUpdate() > 0;
    }

    /** An admin's removal: drops the grant and revokes every appointment booked until now. */
    public void revoke(UUID clientId, String therapistSubject, Instant at, String by) {
        em.createNativeQuery("DELETE FROM care_grant WHERE client_id = :client AND therapist_subject = :subject")
                .setParameter("client", clientId).setParameter("subject", therapistSubject)
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO care_revocation AS r (client_id, therapist_subject, revoked_at, revoked_by)
                VALUES (:client, :subject, :at, :by)
                ON CONFLICT (client_id, therapist_subject)
                DO UPDATE SET revoked_at = GREATEST(r.revoked_at, excluded.revoked_at), revoked_by = excluded.revoked_by
                """)
                .setParameter("client", clientId).setParameter("subject", therapistSubject)
                .setParameter("at", at).setParameter("by", by)
                .executeUpdate();
    }

    public Optional<CareRevocation> revocation(UUID clientId, String therapistSubject) {
        return Optional.ofNullable(em.find(CareRevocation.class, new CareGrant.CareKey(clientId, therapistSubject)));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
