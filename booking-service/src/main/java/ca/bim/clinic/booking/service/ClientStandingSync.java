package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.client.ClientStandingSource;
import ca.bim.clinic.booking.client.ClientStandingSource.Page;
import ca.bim.clinic.booking.config.ClientStandingConfig;
import ca.bim.clinic.booking.repository.ClientStandingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Follows client-service's standing feed into the local view. A pass reads the cursor, fetches the next page with no
 * transaction open, then applies it while holding the cursor row's lock; if another replica moved the cursor
 * meanwhile the page is dropped (it applied the same items), so two replicas never move the cursor backwards.
 */
@ApplicationScoped
public class ClientStandingSync {

    private static final Logger LOG = Logger.getLogger(ClientStandingSync.class);

    @Inject ClientStandingSource source;
    @Inject ClientStandingRepository repository;
    @Inject ClientStandings standings;
    @Inject ClientStandingConfig config;
    @Inject Clock clock;

    /** Refuses to start with a page size client-service would refuse, or a pass that reads nothing. */
    void checkConfig(@Observes StartupEvent start) {
        if (config.pageSize() < 1 || config.pageSize() > 500) {
            throw new IllegalStateException("BOOKING_CLIENT_STANDING_PAGE_SIZE must be between 1 and 500, not "
                    + config.pageSize());
        }
        if (config.maxPagesPerPass() < 1) {
            throw new IllegalStateException("BOOKING_CLIENT_STANDING_MAX_PAGES_PER_PASS must be at least 1, not "
                    + config.maxPagesPerPass());
        }
    }

    @Scheduled(identity = "client-standing-poll", every = "${booking.client-standing.interval}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            poll();
        } catch (RuntimeException e) {
            // The next pass starts again from the stored cursor; nothing is lost.
            LOG.warnf("client standing poll failed: %s", e.toString());
        }
    }

    /** One pass: pages until the feed is drained or the page limit is reached; returns the items applied. */
    public int poll() {
        int applied = 0;
        for (int pages = 0; pages < config.maxPagesPerPass(); pages++) {
            String cursor = QuarkusTransaction.requiringNew().call(repository::cursor).orElse(null);
            Page page = source.after(cursor, config.pageSize());
            Optional<Integer> written = QuarkusTransaction.requiringNew().call(() -> applyPage(cursor, page));
            if (written.isEmpty()) {
                break;
            }
            applied += written.get();
            if (page.items().size() < config.pageSize()) {
                break;
            }
        }
        return applied;
    }

    private Optional<Integer> applyPage(String cursor, Page page) {
        if (!repository.lockCursorAt(cursor)) {
            return Optional.empty();
        }
        int written = 0;
        for (var item : page.items()) {
            if (standings.apply(item)) {
                written++;
            }
        }
        repository.moveCursor(page.next(), clock.instant());
        return Optional.of(written);
    }
}
