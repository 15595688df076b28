package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.WaitlistEntry;
import ca.bim.clinic.common.persistence.ScalarQuery;
import ca.bim.clinic.common.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WaitlistRepository implements PanacheRepositoryBase<WaitlistEntry, UUID> {

    /**
     * Waiting entries that could take a slot of this practitioner on these local days and hold no live offer,
     * oldest first, locked (entries another offer is being made to are skipped, not waited for).
     */
    public List<WaitlistEntry> lockWaiting(UUID practitionerId, LocalDate firstDay, LocalDate lastDay, Instant now,
            int limit) {
        List<UUID> ids = ScalarQuery.of(getEntityManager(), "select e.id from waitlist_entry e"
                + " where e.status = 'WAITING' and (e.practitioner_id is null or e.practitioner_id = :practitioner)"
                + " and e.from_date <= :lastDay and e.to_date >= :firstDay and not exists (select 1 from"
                + " waitlist_offer o join appointment h on h.id = o.hold_id where o.entry_id = e.id"
                + " and h.status = 'HELD' and h.hold_expires_at > :now)"
                + " order by e.created_at, e.id limit :limit for update of e skip locked", "id", UUID.class)
                .setParameter("practitioner", practitionerId)
                .setParameter("firstDay", firstDay)
                .setParameter("lastDay", lastDay)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(id -> findDetailed(id).orElseThrow()).toList();
    }

    /**
     * Whether the entry was already offered time of this practitioner overlapping [start, end): it let that offer
     * expire (or gave it back), so that time goes to the next entry.
     */
    public boolean wasOffered(UUID entryId, UUID practitionerId, Instant start, Instant end) {
        return ScalarQuery.of(getEntityManager(), "select exists (select 1 from waitlist_offer o"
                + " join appointment h on h.id = o.hold_id where o.entry_id = :entry"
                + " and o.practitioner_id = :practitioner"
                + " and tstzrange(h.starts_at, h.blocked_until) && tstzrange(:start, :end)) as offered",
                "offered", Boolean.class)
                .setParameter("entry", entryId)
                .setParameter("practitioner", practitionerId)
                .setParameter("start", start)
                .setParameter("end", end)
                .getSingleResult();
    }

    public void recordOffer(UUID holdId, UUID entryId, UUID practitionerId, Instant start, Instant now) {
        getEntityManager().createNativeQuery("insert into waitlist_offer (hold_id, entry_id, practitioner_id,"
                + " starts_at, offered_at) values (:hold, :entry, :practitioner, :start, :now)")
                .setParameter("hold", holdId)
                .setParameter("entry", entryId)
                .setParameter("practitioner", practitionerId)
                .setParameter("start", start)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The entry whose offer this hold is, marked BOOKED: the client took the slot. */
    public void fulfil(UUID holdId, Instant now) {
        getEntityManager().createNativeQuery("update waitlist_entry set status = 'BOOKED', ended_at = :now,"
                + " version = version + 1"
                + " where status = 'WAITING' and id = (select entry_id from waitlist_offer where hold_id = :hold)")
                .setParameter("hold", holdId)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** The live offer (hold id) of an entry, if it has one. */
    public Optional<UUID> liveOffer(UUID entryId, Instant now) {
        List<UUID> ids = ScalarQuery.of(getEntityManager(), "select o.hold_id from waitlist_offer o join appointment h"
                + " on h.id = o.hold_id where o.entry_id = :entry and h.status = 'HELD' and h.hold_expires_at > :now",
                "hold_id", UUID.class)
                .setParameter("entry", entryId)
                .setParameter("now", now)
                .getResultList();
        return ids.stream().findFirst();
    }

    /** Entries whose window ended before {@code today} stop waiting. */
    public int expireEnded(LocalDate today, Instant now) {
        return update("status = ?1, endedAt = ?4, version = version + 1 where status = ?2 and toDate < ?3",
                WaitlistEntry.EXPIRED, WaitlistEntry.WAITING, today, now);
    }

    /**
     * Deletes up to {@code limit} entries that stopped waiting before {@code cutoff}, with the offers made to them
     * and their Idempotency-Key records, skipping entries another transaction has locked. Returns how many went.
     */
    public int pruneEnded(Instant cutoff, int limit) {
        // One statement: the foreign keys of waitlist_offer and idempotency_record are checked at its end.
        return getEntityManager().createNativeQuery("""
                WITH gone AS (SELECT id FROM waitlist_entry WHERE ended_at < :cutoff
                              LIMIT :limit FOR UPDATE SKIP LOCKED),
                     offers AS (DELETE FROM waitlist_offer o USING gone WHERE o.entry_id = gone.id),
                     keys AS (DELETE FROM idempotency_record k USING gone WHERE k.waitlist_entry_id = gone.id)
                DELETE FROM waitlist_entry e USING gone WHERE e.id = gone.id
                """).setParameter("cutoff", cutoff).setParameter("limit", limit).executeUpdate();
    }

    public Optional<WaitlistEntry> findDetailed(UUID id) {
        return find("from WaitlistEntry e join fetch e.type left join fetch e.location left join fetch e.practitioner"
                + " where e.id = ?1", id).firstResultOptional();
    }

    /** Entries, oldest first; of one client, or of one creator whose clients share data, or all when both are null. */
    public PanacheQuery<WaitlistEntry> search(UUID clientId, String createdBy) {
        Where where = new Where("1 = 1").and("clientId = :client", "client", clientId)
                .and("createdBy = :createdBy and clientId in (select s.clientId from ClientStanding s"
                        + " where s.dataSharing = true)", "createdBy", createdBy);
        return find(where.toString(), Sort.by("createdAt").and("id"), where.parameters());
    }
}
