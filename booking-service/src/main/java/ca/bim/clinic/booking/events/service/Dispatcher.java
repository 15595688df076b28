package ca.bim.clinic.booking.events.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.events.config.EventsConfig;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers outbox events, at least once and in order per appointment and destination. All state is in the
 * database, so any replica can run it (claims use SKIP LOCKED) and a restart loses nothing: an unfinished claim
 * expires and the delivery is tried again.
 * <p>
 * Destinations are isolated from each other: a pass claims due deliveries, groups them by destination and hands
 * each group to a bounded worker pool; a destination already in flight is not claimed for again until its group
 * is done, so a slow or failing receiver holds at most its own share of workers ({@code per-destination}) for at
 * most one attempt deadline, while every other destination keeps going. When a destination fails, the rest of its
 * group waits for the next retry instead of timing out one after the other. The claim query lets at most one
 * event per appointment and destination be in flight, which keeps their order.
 */
@ApplicationScoped
@Startup
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final DeliveryStore store;
    private final Destinations destinations;
    private final Clock clock;
    private final EventsConfig config;
    private final AtomicLong lagMillis = new AtomicLong();
    private final ExecutorService workers;
    private final ExecutorService pumper;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicBoolean pumping = new AtomicBoolean();
    /** When a pass last read the lag (System.nanoTime); passes run on the one pumping thread at a time. */

    Dispatcher(DeliveryStore store, Destinations destinations, Clock clock, EventsConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.destinations = destinations;
        this.clock = clock;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.dispatch().concurrency(), named("event-delivery"));
        this.pumper = Executors.newSingleThreadExecutor(named("event-dispatch"));
        Gauge.builder("booking.outbox.lag", lagMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest event not yet delivered to client-service or an active webhook")
                .register(registry);
    }

    @PreDestroy
    void stop() {
        pumper.shutdownNow();
        workers.shutdownNow();
    }

    /** Called after a transaction that wrote events committed: dispatch now rather than at the next poll. */
    public void wake() {
        if (!config.dispatch().background()) {
            return;
        }
        wakeRequested.set(true);
        if (pumping.compareAndSet(false, true)) {
            try {
                pumper.execute(this::pumpWhileWoken);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pumping.set(false); // shutting down
            }
        }
    }

    /**
     * Called after a transaction that wrote a delivery to client-service and no other: while a group to
     * client-service is in flight, a pass would claim nothing (the destination is busy) and cost three statements;
     * under load that was a wasted pass per booking. The group wakes the dispatcher when it finishes, after taking
     * its destination off the busy set, and that pass starts after this commit, so it claims the new delivery.
     * Returns whether it woke the dispatcher.
     */
    public boolean wakeForClientService() {
        if (busy.contains(EventDelivery.CLIENT_SERVICE)) {
            return false;
        }
        wake();
        return true;
    }

    @Scheduled(identity = "booking-event-dispatch", every = "${booking.events.dispatch.interval}",
            delayed = "${booking.events.dispatch.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        wake(); // a no-op unless background dispatch is on
    }

    private void pumpWhileWoken() {
        try {
            while (wakeRequested.getAndSet(false)) {
                try {
                    pump();
                } catch (RuntimeException e) {
                    LOG.warnf("event dispatch pass failed: %s", e.toString());
                }
            }
        } finally {
            pumping.set(false);
        }
        if (wakeRequested.get()) {
            wake(); // a wake-up arrived between the last check and the reset
        }
    }

    /**
     * Claims and hands off without waiting for the sends; each finished destination group wakes the dispatcher
     * again, so a backlog drains at the pace of the receivers.
     */
    public int pump() {
        int total = 0;
        for (int pass = 0; pass < 10; pass++) {
            int claimed = start().claimed();
            total += claimed;
            if (claimed == 0) {
                break;
            }
        }
        // The lag gauge is read on its own schedule (refreshLag), never here: a dispatch pass that waited on it
        // stopped delivering whenever that read was slow (a 28,000-event backlog, docs/benchmarks.md 2026-12-02).
        return total;
    }

    /**
     * One pass that waits for its sends (tests and benchmarks drive delivery with it). Returns how many deliveries
     * it claimed.
     */
    public int runOnce() {
        Started started = start();
        CompletableFuture.allOf(started.groups().toArray(CompletableFuture[]::new)).join();
        refreshLag();
        return started.claimed();
    }

    private record Started(int claimed, List<CompletableFuture<Void>> groups) {
    }

    /** Claims due deliveries of idle destinations and starts one group per destination. */
    private synchronized Started start() {
        List<DeliveryStore.Claimed> batch = store.claim(clock.instant(), List.copyOf(busy));
        Map<String, List<DeliveryStore.Claimed>> byDestination = new LinkedHashMap<>();
        for (DeliveryStore.Claimed delivery : batch) {
            byDestination.computeIfAbsent(delivery.destination(), d -> new ArrayList<>()).add(delivery);
        }
        List<CompletableFuture<Void>> groups = new ArrayList<>();
        byDestination.forEach((destination, deliveries) -> {
            busy.add(destination);
            groups.add(sendGroup(destination, deliveries).whenComplete((ignored, error) -> {
                busy.remove(destination);
                if (error != null) {
                    LOG.warnf("delivery to %s failed: %s", destination, error.toString());
                }
                wake();
            }));
        });
        return new Started(batch.size(), groups);
    }

    /** Up to per-destination lanes, each sending its share in order; the first failure stops all lanes. */
    private CompletableFuture<Void> sendGroup(String destination, List<DeliveryStore.Claimed> deliveries) {
        int lanes = Math.max(1, Math.min(config.dispatch().perDestination(), deliveries.size()));
        AtomicBoolean failing = new AtomicBoolean();
        List<CompletableFuture<Void>> running = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            List<DeliveryStore.Claimed> share = new ArrayList<>();
            for (int i = lane; i < deliveries.size(); i += lanes) {
                share.add(deliveries.get(i));
            }
            running.add(CompletableFuture.runAsync(() -> sendInTurn(share, failing), workers));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }

    /** Successes are recorded in runs of this many, one statement each, instead of a transaction per send. */
    private static final int RECORD_EVERY = 25;

    private void sendInTurn(List<DeliveryStore.Claimed> share, AtomicBoolean failing) {
        List<DeliveryStore.Claimed> sent = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        // client-service takes many events per request; a webhook gets one signed event per request.
        int perRequest = share.get(0).toClientService() ? config.dispatch().clientServiceBatch() : 1;
        try {
            for (int from = 0; from < share.size(); from += perRequest) {
                if (failing.get()) {
                    store.postpone(share.subList(from, share.size()),
                            clock.instant().plus(config.dispatch().retryBase()));
                    return;
                }
                List<DeliveryStore.Claimed> due = new ArrayList<>();
                for (DeliveryStore.Claimed delivery : share.subList(from, Math.min(share.size(), from + perRequest))) {
                    if (!clock.instant().isBefore(delivery.claimedUntil())) {
                        continue; // the claim ran out while earlier deliveries were slow; another pass owns the row
                    }
                    if (!delivery.toClientService() && delivery.url() == null) {
                        store.release(delivery.id());
                        continue;
                    }
                    due.add(delivery);
                }
                if (due.isEmpty()) {
                    continue;
                }
                List<Destinations.Outcome> outcomes = due.get(0).toClientService()
                        ? destinations.toClientService(due) : List.of(destinations.send(due.get(0)));
                for (int i = 0; i < due.size(); i++) {
                    settle(due.get(i), outcomes.get(i), sent, statuses, failing);
                }
            }
        } finally {
            record(sent, statuses);
        }
    }

    private void settle(DeliveryStore.Claimed delivery, Destinations.Outcome outcome, List<DeliveryStore.Claimed> sent,
            List<Integer> statuses, AtomicBoolean failing) {
        if (outcome.delivered()) {
            sent.add(delivery);
            statuses.add(outcome.statusCode());
            if (sent.size() >= RECORD_EVERY) {
                record(sent, statuses);
            }
            return;
        }
        record(sent, statuses);
        LOG.debugf("delivery %s to %s failed: %s", delivery.eventId(), delivery.destination(), outcome.error());
        store.failed(delivery, clock.instant(), outcome.statusCode(), outcome.error(), outcome.response());
        if (!DeliveryStore.refused(outcome.statusCode())) {
            failing.set(true); // a refusal concerns this event only; anything else concerns the destination
        }
    }

    private void record(List<DeliveryStore.Claimed> sent, List<Integer> statuses) {
        if (!sent.isEmpty()) {
            store.succeeded(List.copyOf(sent), List.copyOf(statuses), clock.instant());
            sent.clear();
            statuses.clear();
        }
    }

    @Scheduled(identity = "booking-outbox-lag", every = "${booking.events.lag-refresh}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshLag() {
        Duration lag = store.lag(clock.instant());
        lagMillis.set(lag.toMillis());
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
