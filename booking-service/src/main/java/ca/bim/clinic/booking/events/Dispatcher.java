package ca.bim.clinic.booking.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers outbox events, at least once and in order per appointment and destination. All state is in the
 * database, so any replica can run it (claims use SKIP LOCKED) and a restart loses nothing: an unfinished claim
 * expires and the delivery is tried again.
 */
@ApplicationScoped
@Startup
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryStore store;
    private final Destinations destinations;
    private final Clock clock;
    private final AtomicLong lagMillis = new AtomicLong();

    Dispatcher(DeliveryStore store, Destinations destinations, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.destinations = destinations;
        this.clock = clock;
        Gauge.builder("booking.outbox.lag", lagMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest event not yet delivered to client-service or an active webhook")
                .register(registry);
    }

    @Scheduled(identity = "booking-event-dispatch", every = "${booking.events.dispatch.interval:2s}",
            delayed = "${booking.events.dispatch.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            // Keep going while there is a backlog, within bounds so one pass never runs for ever.
            for (int pass = 0; pass < 20 && runOnce() > 0; pass++) {
                LOG.tracef("dispatch pass %d", pass);
            }
        } catch (RuntimeException e) {
            LOG.warnf("event dispatch pass failed: %s", e.toString());
        }
    }

    /** Called after a transaction that wrote events committed. */
    public void wake() {
        // replaced by the parallel dispatcher in the next step
    }

    /** One pass: claims a batch of due deliveries, sends each and records the outcome. Returns how many it tried. */
    public int runOnce() {
        List<DeliveryStore.Claimed> batch = store.claim(clock.instant());
        for (DeliveryStore.Claimed delivery : batch) {
            if (!clock.instant().isBefore(delivery.claimedUntil())) {
                continue; // the claim ran out while earlier deliveries were slow; another pass owns the row now
            }
            if (!delivery.toClientService() && delivery.url() == null) {
                store.release(delivery.id());
                continue;
            }
            Destinations.Outcome outcome = destinations.send(delivery);
            if (outcome.delivered()) {
                store.succeeded(delivery, clock.instant(), outcome.statusCode());
            } else {
                LOG.debugf("delivery %s to %s failed: %s", delivery.eventId(), delivery.destination(),
                        outcome.error());
                store.failed(delivery, clock.instant(), outcome.statusCode(), outcome.error());
            }
        }
        refreshLag();
        return batch.size();
    }

    @Scheduled(identity = "booking-outbox-lag", every = "${booking.events.lag-refresh:15s}")
    void refreshLag() {
        Duration lag = store.lag(clock.instant());
        lagMillis.set(lag.toMillis());
    }
}
