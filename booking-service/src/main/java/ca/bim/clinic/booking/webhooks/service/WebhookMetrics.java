package ca.bim.clinic.booking.webhooks.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.webhooks.domain.WebhookSubscription;
import ca.bim.clinic.booking.webhooks.repository.WebhookSubscriptionRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code booking_webhooks_paused}: subscriptions paused after too many failed deliveries, which receive nothing until
 * their owner resumes them. Counted every 30 s, not at scrape time, so a scrape never waits on the database.
 */
@Startup
@ApplicationScoped
public class WebhookMetrics {

    private final WebhookSubscriptionRepository subscriptions;
    private final AtomicLong paused = new AtomicLong();

    WebhookMetrics(WebhookSubscriptionRepository subscriptions, MeterRegistry registry) {
        this.subscriptions = subscriptions;
        Gauge.builder("booking.webhooks.paused", paused, AtomicLong::get)
                .description("Webhook subscriptions paused after repeated delivery failures")
                .register(registry);
    }

    @Scheduled(identity = "booking-webhook-metrics", every = "30s", delayed = "5s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        paused.set(subscriptions.count("status", WebhookSubscription.PAUSED));
    }
}
