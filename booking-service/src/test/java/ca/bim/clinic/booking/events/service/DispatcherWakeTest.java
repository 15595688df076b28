package ca.bim.clinic.booking.events.service;

import static ca.bim.clinic.booking.support.Events.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Vetoed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.events.config.EventsConfig;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.webhooks.config.WebhooksConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The wake-up after a commit that wrote only a client-service delivery: no pass while a group to client-service is
 * in flight (it would claim nothing), and the delivery still goes out when that group finishes. Plain JUnit with
 * the background dispatcher on, a store that hands out the deliveries it is given and a client-service that
 * answers when the test lets it.
 */
class DispatcherWakeTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);
    private final CountingStore store = new CountingStore();
    private final CountDownLatch answer = new CountDownLatch(1);
    private final List<UUID> sent = new ArrayList<>();
    private Dispatcher dispatcher;

    @BeforeEach
    void start() {
        EventsConfig config = config();
        Destinations clientService = new Destinations(null, webhooks(), clock, config, null) {
            @Override
            public List<Outcome> toClientService(List<DeliveryStore.Claimed> deliveries) {
                try {
                    answer.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (sent) {
                    deliveries.forEach(d -> sent.add(d.id()));
                }
                return deliveries.stream().map(d -> new Outcome(202, null, null)).toList();
            }
        };
        dispatcher = new Dispatcher(store, clientService, clock, config, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        answer.countDown();
        dispatcher.stop();
    }

    @Test
    void noPassWhileClientServiceIsBusyAndTheDeliveryGoesOutAfterwards() {
        UUID first = store.add();
        assertThat(dispatcher.wakeForClientService()).isTrue(); // idle: a pass claims it, the group waits
        waitUntil(() -> store.claims() == 2, TEN_SECONDS); // the claim, then a pass that found nothing more
        assertThat(store.lastBusy()).containsExactly(EventDelivery.CLIENT_SERVICE);

        UUID second = store.add();
        for (int i = 0; i < 5; i++) {
            assertThat(dispatcher.wakeForClientService()).as("no pass while client-service is busy").isFalse();
        }
        assertThat(store.claims()).isEqualTo(2);

        answer.countDown(); // the group finishes, frees client-service and wakes the dispatcher
        waitUntil(() -> sentContains(second), TEN_SECONDS);
        assertThat(sentContains(first)).isTrue();
    }

    @Test
    void anyOtherDestinationStillWakesAPass() {
        store.add();
        assertThat(dispatcher.wakeForClientService()).isTrue();
        waitUntil(() -> store.claims() == 2, TEN_SECONDS);

        dispatcher.wake(); // e.g. a webhook delivery was written too
        waitUntil(() -> store.claims() == 3, TEN_SECONDS);
    }

    private boolean sentContains(UUID id) {
        synchronized (sent) {
            return sent.contains(id);
        }
    }

    /**
     * Deliveries to client-service handed out once each, skipping a busy destination as the real claim does. Vetoed:
     * the Quarkus tests of this module see test classes too, and a second DeliveryStore bean would be ambiguous.
     */
    @Vetoed
    static final class CountingStore extends DeliveryStore {
        private final ConcurrentLinkedQueue<UUID> due = new ConcurrentLinkedQueue<>();
        private volatile List<String> lastBusy = List.of();
        private volatile int claims;

        UUID add() {
            UUID id = UUID.randomUUID();
            due.add(id);
            return id;
        }

        int claims() {
            return claims;
        }

        List<String> lastBusy() {
            return lastBusy;
        }

        @Override
        public synchronized List<Claimed> claim(Instant now, Collection<String> busy) {
            claims++;
            lastBusy = List.copyOf(busy);
            if (busy.contains(EventDelivery.CLIENT_SERVICE)) {
                return List.of();
            }
            List<Claimed> claimed = new ArrayList<>();
            for (UUID id; (id = due.poll()) != null; ) {
                claimed.add(new Claimed(id, EventDelivery.CLIENT_SERVICE, null, UUID.randomUUID(), 0, "{}", null,
                        null, null, now.plus(Duration.ofMinutes(5))));
            }
            return claimed;
        }

        @Override
        public void succeeded(List<Claimed> claims, List<Integer> statusCodes, Instant at) {
        }

        @Override
        public Duration lag(Instant now) {
            return Duration.ZERO;
        }
    }

    private static EventsConfig config() {
        EventsConfig.Dispatch dispatch = proxy(EventsConfig.Dispatch.class, Map.of("background", true,
                "interval", "1h", "initialDelay", "1h", "batchSize", 200, "concurrency", 4, "perDestination", 1,
                "clientServiceBatch", 50, "claimTimeout", Duration.ofMinutes(5), "retryBase", Duration.ofSeconds(5),
                "attemptDeadline", Duration.ofSeconds(10)));
        EventsConfig.ClientService clientService = proxy(EventsConfig.ClientService.class, Map.of("enabled", true));
        return proxy(EventsConfig.class, Map.of("dispatch", dispatch, "clientService", clientService,
                "lagRefresh", "1h"));
    }

    private static WebhooksConfig webhooks() {
        return proxy(WebhooksConfig.class, Map.of("allowLoopbackHttp", true));
    }

    /** A configuration interface answering from the map; anything else it is asked is a test error. */
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new IllegalStateException("not configured in the test: " + method.getName());
            }
            return values.get(method.getName());
        }));
    }
}
