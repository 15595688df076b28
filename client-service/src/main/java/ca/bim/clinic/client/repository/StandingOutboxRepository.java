package ca.bim.clinic.client.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ca.bim.clinic.client.domain.StandingChange;

/**
 * The standing outbox table ({@code client_standing_outbox}). Not an entity: its {@code xid} column is the writing
 * transaction's id, set by PostgreSQL, which the feed's gapless read depends on.
 */
@ApplicationScoped
public class StandingOutboxRepository {

    /** Namespace of the per-client advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
    private static final int LOCK_NAMESPACE = 0x5354414E; // "STAN"

    @Inject EntityManager em;

    /**
     * Serialises the standing changes of one client until the transaction ends. An advisory lock takes no
     * transaction id, so when this is the transaction's first statement its id is assigned after the lock: of two
     * changes of one client, the later one always has the higher id and comes later in the feed.
     */
    public void lockClient(UUID clientId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:namespace, hashtext(:client))")
                .setParameter("namespace", LOCK_NAMESPACE).setParameter("client", clientId.toString())
                .getSingleResult();
    }

    public void insert(UUID clientId, String subject, String status, List<String> consents, Instant changedAt) {
        em.createNativeQuery("""
                INSERT INTO client_standing_outbox (client_id, subject, status, consents, changed_at)
                VALUES (:client, :subject, :status, string_to_array(:consents, ','), :changedAt)
                """)
                .setParameter("client", clientId).setParameter("subject", subject).setParameter("status", status)
                .setParameter("consents", String.join(",", consents)).setParameter("changedAt", changedAt)
                .executeUpdate();
    }

    /**
     * Rows after the position (xid, seq), in that order, written by transactions older than the oldest one still
     * running. Every transaction below that horizon has ended, so no row can later appear below a row served now.
     */
    public List<StandingChange> after(long xid, long seq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT xid::text, seq, client_id, subject, status, array_to_string(consents, ','), changed_at
                FROM client_standing_outbox
                WHERE (xid, seq) > (CAST(:xid AS xid8), :seq)
                  AND xid < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY xid, seq
                LIMIT :limit
                """)
                .setParameter("xid", Long.toUnsignedString(xid)).setParameter("seq", seq)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(StandingOutboxRepository::row).toList();
    }

    /** The client's newest committed row. */
    public Optional<StandingChange> latest(UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT xid::text, seq, client_id, subject, status, array_to_string(consents, ','), changed_at
                FROM client_standing_outbox
                WHERE client_id = :client
                ORDER BY xid DESC, seq DESC
                LIMIT 1
                """)
                .setParameter("client", clientId)
                .getResultList();
        return rows.stream().findFirst().map(StandingOutboxRepository::row);
    }

    private static StandingChange row(Object[] row) {
        String consents = (String) row[5];
        List<String> codes = consents == null || consents.isEmpty() ? List.of() : Arrays.asList(consents.split(","));
        Object changedAt = row[6];
        Instant at = changedAt instanceof OffsetDateTime offset ? offset.toInstant()
                : changedAt instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : (Instant) changedAt;
        return new StandingChange(Long.parseUnsignedLong((String) row[0]), ((Number) row[1]).longValue(), (UUID) row[2],
                (String) row[3], (String) row[4], codes, at);
    }
}
