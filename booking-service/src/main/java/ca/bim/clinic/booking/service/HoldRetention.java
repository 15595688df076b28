package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.config.HoldsConfig;
import ca.bim.clinic.booking.events.service.Retention;
import ca.bim.clinic.booking.repository.HoldRepository;
import ca.bim.clinic.booking.repository.WaitlistRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes holds and waitlist entries some time after they ended, the way the outbox's {@link Retention} prunes: small
 * batches, each its own short transaction, rows other transactions hold skipped. Slots never depend on it (an
 * expired hold frees its slot by itself); it only keeps the tables from growing with every hold ever placed.
 */
@ApplicationScoped
public class HoldRetention {

    private static final Logger LOG = Logger.getLogger(HoldRetention.class);

    /** How many of each kind one run removed. */
    public record Pruned(int holds, int waitlistEntries) {
    }

    private final HoldRepository holds;
    private final WaitlistRepository waitlist;
    private final HoldsConfig.Retention config;
    private final Clock clock;

    HoldRetention(HoldRepository holds, WaitlistRepository waitlist, HoldsConfig config, Clock clock) {
        this.holds = holds;
        this.waitlist = waitlist;
        this.config = config.retention();
        this.clock = clock;
    }

    @Scheduled(identity = "booking-hold-retention", every = "${booking.holds.retention.interval}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Pruned pruned = pruneOnce();
            if (pruned.holds() + pruned.waitlistEntries() > 0) {
                LOG.infof("hold retention removed %d holds, %d waitlist entries", pruned.holds(),
                        pruned.waitlistEntries());
            }
        } catch (RuntimeException e) {
            LOG.warnf("hold retention failed: %s", e.toString());
        }
    }

    /** Prunes everything due now, batch by batch. Entries first: their offers may be what keeps a hold. */
    public Pruned pruneOnce() {
        Instant now = clock.instant();
        int batch = config.batchSize();
        int entries = Retention.repeat(() -> QuarkusTransaction.requiringNew()
                .call(() -> waitlist.pruneEnded(now.minus(config.waitlistEntries()), batch)), batch);
        int removed = Retention.repeat(() -> QuarkusTransaction.requiringNew()
                .call(() -> holds.pruneEnded(now.minus(config.holds()), now, batch)), batch);
        return new Pruned(removed, entries);
    }
}
