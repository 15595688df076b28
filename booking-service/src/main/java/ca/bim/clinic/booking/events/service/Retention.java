package ca.bim.clinic.booking.events.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.events.config.EventsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes what the outbox no longer needs, in small batches, each its own short transaction: settled deliveries
 * (delivered or suppressed; dead letters stay until replayed), events past their retention that no delivery
 * refers to any more, and old Idempotency-Key records. Records how far the feed has been pruned, so a reader whose
 * cursor is older gets a 410 instead of silently missing events.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** How many of each kind one run removed. */
    public record Pruned(int deliveries, int events, int idempotencyKeys) {
    }

    @Inject EntityManager em;
    @Inject Clock clock;
    @Inject EventsConfig config;

    @Scheduled(identity = "booking-outbox-retention", every = "${booking.events.retention.interval}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Pruned pruned = pruneOnce();
            if (pruned.deliveries() + pruned.events() + pruned.idempotencyKeys() > 0) {
                LOG.infof("outbox retention removed %d deliveries, %d events, %d idempotency keys",
                        pruned.deliveries(), pruned.events(), pruned.idempotencyKeys());
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox retention failed: %s", e.toString());
        }
    }

    /** Prunes everything due now, batch by batch, up to a bound per kind so one run stays short. */
    public Pruned pruneOnce() {
        Instant now = clock.instant();
        int batch = config.retention().batchSize();
        int deliveries = repeat(() -> deleteDeliveries(now.minus(config.retention().deliveries()), batch), batch);
        int events = repeat(() -> deleteEvents(now.minus(config.retention().events()), batch), batch);
        int keys = repeat(() -> deleteIdempotencyKeys(now.minus(config.retention().idempotencyKeys()), batch), batch);
        return new Pruned(deliveries, events, keys);
    }

    /**
     * Runs {@code step} (one batch in its own transaction, returning how many rows it removed) until a batch comes
     * back short, at most 200 times, so one run stays bounded. Also used by the holds' retention.
     */
    public static int repeat(java.util.function.IntSupplier step, int batch) {
        int total = 0;
        for (int round = 0; round < 200; round++) {
            int removed = step.getAsInt();
            total += removed;
            if (removed < batch) {
                break;
            }
        }
        return total;
    }

    private int deleteDeliveries(Instant cutoff, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                DELETE FROM event_delivery WHERE id IN (
                    SELECT id FROM event_delivery
                    WHERE status IN ('DELIVERED', 'SUPPRESSED') AND settled_at < :cutoff
                    LIMIT :batch FOR UPDATE SKIP LOCKED)
                """).setParameter("cutoff", cutoff).setParameter("batch", batch).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private int deleteEvents(Instant cutoff, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> gone = em.createNativeQuery("""
                    DELETE FROM outbox_event WHERE seq IN (
                        SELECT e.seq FROM outbox_event e
                        WHERE e.occurred_at < :cutoff
                          AND NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_seq = e.seq)
                        LIMIT :batch FOR UPDATE SKIP LOCKED)
                    RETURNING CAST(CAST(tx_id AS text) AS bigint), seq
                    """).setParameter("cutoff", cutoff).setParameter("batch", batch).getResultList();
            FeedCursor highest = null;
            for (Object[] row : gone) {
                FeedCursor position = new FeedCursor(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
                if (highest == null || position.compareTo(highest) > 0) {
                    highest = position;
                }
            }
            if (highest != null) {
                em.createNativeQuery("""
                        UPDATE outbox_retention SET pruned_tx = CAST(CAST(:tx AS text) AS xid8), pruned_seq = :seq
                        WHERE id = 1 AND (pruned_tx IS NULL
                                          OR (pruned_tx, pruned_seq) < (CAST(CAST(:tx AS text) AS xid8), :seq))
                        """).setParameter("tx", Long.toString(highest.txId())).setParameter("seq", highest.seq())
                        .executeUpdate();
            }
            return gone.size();
        });
    }

    private int deleteIdempotencyKeys(Instant cutoff, int batch) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                DELETE FROM idempotency_record WHERE ctid IN (
                    SELECT ctid FROM idempotency_record WHERE created_at < :cutoff LIMIT :batch FOR UPDATE SKIP LOCKED)
                """).setParameter("cutoff", cutoff).setParameter("batch", batch).executeUpdate());
    }
}
