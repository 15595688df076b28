package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.ClientStanding;
import ca.bim.clinic.common.persistence.ScalarQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ClientStandingRepository implements PanacheRepositoryBase<ClientStanding, UUID> {

    /**
     * Positions are opaque, but the feed hands them out in order; we compare them by length and then byte-wise,
     * which orders both plain and zero-padded counters. A row only ever moves to a newer position, so a late answer
     * of the single-client endpoint and a replayed feed page cannot roll a client back.
     */
    private static final String UPSERT = """
            INSERT INTO client_standing AS s (client_id, subject, status, data_sharing, position, updated_at)
            VALUES (:client, :subject, :status, :sharing, :position, :changedAt)
            ON CONFLICT (client_id) DO UPDATE
               SET subject = EXCLUDED.subject, status = EXCLUDED.status, data_sharing = EXCLUDED.data_sharing,
                   position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
             WHERE s.position IS NULL
                OR (length(EXCLUDED.position), EXCLUDED.position COLLATE "C")
                   > (length(s.position), s.position COLLATE "C")
            """;

    /** Stores a standing unless the row already reflects this or a newer position; true when it was written. */
    public boolean upsert(UUID clientId, String subject, String status, boolean dataSharing, String position,
            Instant changedAt) {
        if (subject != null) {
            // A subject belongs to one client; a newer claim on it wins over a stale one.
            getEntityManager().createNativeQuery("""
                    UPDATE client_standing SET subject = NULL
                    WHERE subject = :subject AND client_id <> :client
                      AND (position IS NULL
                           OR (length(CAST(:position AS varchar)), CAST(:position AS varchar) COLLATE "C")
                              > (length(position), position COLLATE "C"))
                    """)
                    .setParameter("subject", subject).setParameter("client", clientId)
                    .setParameter("position", position).executeUpdate();
        }
        return getEntityManager().createNativeQuery(UPSERT)
                .setParameter("client", clientId)
                .setParameter("subject", subject)
                .setParameter("status", status)
                .setParameter("sharing", dataSharing)
                .setParameter("position", position)
                .setParameter("changedAt", changedAt)
                .executeUpdate() == 1;
    }

    public Optional<UUID> clientOfSubject(String subject) {
        return find("subject", subject).firstResultOptional().map(s -> s.clientId);
    }

    /** The feed cursor, read without a lock (a pass fetches the next page before taking the lock). */
    public Optional<String> cursor() {
        List<String> rows = ScalarQuery.of(getEntityManager(), "SELECT position FROM client_standing_feed WHERE id = 1",
                "position", String.class).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Locks the cursor row until the transaction ends and says whether it still holds {@code expected}: another
     * replica that applied the same page first has moved it on.
     */
    public boolean lockCursorAt(String expected) {
        List<String> rows = ScalarQuery.of(getEntityManager(),
                "SELECT position FROM client_standing_feed WHERE id = 1 FOR UPDATE", "position", String.class)
                .getResultList();
        return !rows.isEmpty() && Objects.equals(rows.get(0), expected);
    }

    public void moveCursor(String position, Instant readAt) {
        getEntityManager().createNativeQuery("UPDATE client_standing_feed SET position = :p, read_at = :t WHERE id = 1")
                .setParameter("p", position).setParameter("t", readAt).executeUpdate();
    }
}
