package ca.bim.clinic.booking.events.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.common.error.Gone;
import ca.bim.clinic.common.security.Caller;

/**
 * Catch-up reading of the outbox.
 * <p>
 * Why this order: writers do not serialise on anything, so sequence numbers are not handed out in commit order; a
 * reader going by sequence alone could pass number 12 while the transaction holding 11 is still open, and never see
 * 11. Instead every event carries its writing transaction's id (xid8) and the feed serves only events whose
 * transaction is older than the oldest transaction still running ({@code pg_snapshot_xmin}). Every transaction
 * below that horizon has ended, and any transaction that writes later gets a larger id, so nothing can ever appear
 * below a position already served. Within a transaction the sequence orders its events. The cost: the feed trails
 * the oldest open transaction on the whole PostgreSQL server (transaction ids are server-wide, so a long transaction
 * in another database holds it back too); bookings keep theirs to milliseconds. A single sequencer stamping
 * positions after commit would also work but needs a process of its own and adds its lag to every event.
 * <p>
 * A partner reads the events of the appointments it booked, and only while the client shares data (a
 * {@code client_standing} row with {@code data_sharing}, checked at read time; no row hides the event). An admin
 * reads every appointment event. Internal events (the access log) are never in the feed.
 */
@ApplicationScoped
public class EventFeed {

    /** A page of events, the cursor after its last one, and whether more follow. */
    public record Slice(List<JsonNode> events, FeedCursor next, boolean more) {
    }

    private static final String PAGE = """
            SELECT CAST(CAST(e.tx_id AS text) AS bigint), e.seq, CAST(e.payload AS text) FROM outbox_event e
            WHERE NOT e.internal
              AND (e.tx_id, e.seq) > (CAST(CAST(:afterTx AS text) AS xid8), :afterSeq)
              AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
              AND (:all OR (e.booked_by = :owner AND EXISTS (
                      SELECT 1 FROM client_standing cs WHERE cs.client_id = e.client_id AND cs.data_sharing)))
            ORDER BY e.tx_id, e.seq
            LIMIT :limit
            """;

    @Inject EntityManager em;
    @Inject ObjectMapper json;

    /** Up to {@code limit} events after {@code after}; 410 when retention already removed events past it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Slice after(FeedCursor after, int limit, Caller caller) {
        FeedCursor from = after == null ? FeedCursor.START : after;
        if (after != null) {
            Object[] pruned = (Object[]) em.createNativeQuery(
                    "SELECT CAST(CAST(pruned_tx AS text) AS bigint), pruned_seq FROM outbox_retention WHERE id = 1")
                    .getSingleResult();
            if (pruned[0] != null && after.compareTo(
                    new FeedCursor(((Number) pruned[0]).longValue(), ((Number) pruned[1]).longValue())) < 0) {
                throw new Gone("Events after this cursor are past the retention period and "
                        + "were removed; start again without `after`");
            }
        }
        boolean all = caller.roles().contains(Caller.ADMIN);
        List<Object[]> rows = em.createNativeQuery(PAGE)
                .setParameter("afterTx", Long.toString(from.txId())).setParameter("afterSeq", from.seq())
                .setParameter("all", all).setParameter("owner", caller.subject())
                .setParameter("limit", limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        FeedCursor next = page.isEmpty() ? from : cursor(page.get(page.size() - 1));
        return new Slice(page.stream().map(r -> parse((String) r[2])).toList(), next, more);
    }

    private static FeedCursor cursor(Object[] row) {
        return new FeedCursor(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** As a tree, so times keep the offset they were written with. */
    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not readable", e);
        }
    }
}
