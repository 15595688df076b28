package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.Hold;
import ca.bim.clinic.common.persistence.ScalarQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Holds: appointment rows that started as a hold (see {@link Hold}). */
@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<Hold, UUID> {

    private static final String DETAILED = "from Hold h join fetch h.type join fetch h.practitioner"
            + " join fetch h.location where h.id = ?1 and h.expiresAt is not null";

    /** The hold with its type, practitioner and location loaded, whatever became of it. */
    public Optional<Hold> findDetailed(UUID id) {
        return find(DETAILED, id).firstResultOptional();
    }

    /**
     * As {@link #findDetailed}, with the row locked until the transaction ends (only the hold's row, not the
     * catalogue rows it joins), so booking or releasing one hold happens once.
     */
    public Optional<Hold> findDetailedForUpdate(UUID id) {
        ScalarQuery.of(getEntityManager(), "select id from appointment where id = :id for update", "id", UUID.class)
                .setParameter("id", id).getResultList();
        Optional<Hold> hold = findDetailed(id);
        hold.ifPresent(h -> getEntityManager().refresh(h));
        return hold;
    }

    /**
     * Marks up to {@code limit} holds that expired by {@code now} as EXPIRED and returns them with their details,
     * skipping rows another transaction has locked (it is booking, releasing or sweeping them).
     */
    public List<UUID> expireDue(Instant now, int limit) {
        return ScalarQuery.of(getEntityManager(), "update appointment set status = 'EXPIRED', updated_at = :now,"
                + " version = version + 1 where id in (select id from appointment where status = 'HELD'"
                + " and hold_expires_at <= :now order by hold_expires_at limit :limit for update skip locked)"
                + " returning id", "id", UUID.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Deletes up to {@code limit} holds that ended (released, or expired) before {@code cutoff}, skipping rows
     * another transaction has locked, and returns how many went. A hold stays while an event names it (the
     * waitlist.offered event of an offer, until event retention removes it) and while its offer still keeps a waiting
     * entry from being offered that upcoming time again. Its offer record and Idempotency-Key record go with it.
     */
    public int pruneEnded(Instant cutoff, Instant now, int limit) {
        return getEntityManager().createNativeQuery("""
                WITH gone AS (
                    SELECT a.id FROM appointment a
                    WHERE ((a.status IN ('RELEASED', 'EXPIRED') AND a.updated_at < :cutoff)
                           OR (a.status = 'HELD' AND a.hold_expires_at < :cutoff))
                      AND NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.appointment_id = a.id)
                      AND NOT EXISTS (SELECT 1 FROM waitlist_offer o JOIN waitlist_entry w ON w.id = o.entry_id
                                      WHERE o.hold_id = a.id AND w.status = 'WAITING' AND a.starts_at > :now)
                    LIMIT :limit FOR UPDATE OF a SKIP LOCKED),
                     offers AS (DELETE FROM waitlist_offer o USING gone WHERE o.hold_id = gone.id),
                     keys AS (DELETE FROM idempotency_record k USING gone WHERE k.appointment_id = gone.id)
                DELETE FROM appointment a USING gone WHERE a.id = gone.id
                """).setParameter("cutoff", cutoff).setParameter("now", now).setParameter("limit", limit)
                .executeUpdate();
    }
}
