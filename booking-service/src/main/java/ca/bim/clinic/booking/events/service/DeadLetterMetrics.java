package ca.bim.clinic.booking.events.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.events.repository.EventDeliveryRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code booking_outbox_dead_letters{destination}}: deliveries a receiver refused (a 4xx other than 408/429), which
 * stay undelivered until an admin replays them; {@code destination} is {@code client-service} or {@code webhook}.
 * Counted every 30 s, not at scrape time, so a scrape never waits on the database. Every replica reports the same
 * numbers (they share the database): dashboards and alerts take the max.
 */
@Startup
@ApplicationScoped
public class DeadLetterMetrics {

    private final EventDeliveryRepository deliveries;
    private final AtomicLong toClientService = new AtomicLong();
    private final AtomicLong toWebhooks = new AtomicLong();

    DeadLetterMetrics(EventDeliveryRepository deliveries, MeterRegistry registry) {
        this.deliveries = deliveries;
        register(registry, EventDelivery.CLIENT_SERVICE, toClientService);
        register(registry, "webhook", toWebhooks);
    }

    private static void register(MeterRegistry registry, String destination, AtomicLong count) {
        Gauge.builder("booking.outbox.dead_letters", count, AtomicLong::get).tag("destination", destination)
                .description("Deliveries refused by their receiver, waiting for an admin to replay them")
                .register(registry);
    }

    @Scheduled(identity = "booking-dead-letter-metrics", every = "${booking.events.lag-refresh}", delayed = "5s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        toClientService.set(deliveries.dead(true));
        toWebhooks.set(deliveries.dead(false));
    }
}
