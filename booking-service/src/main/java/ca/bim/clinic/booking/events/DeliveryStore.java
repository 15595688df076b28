package ca.bim.clinic.booking.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.webhooks.WebhookSubscription;
import ca.bim.clinic.booking.webhooks.WebhooksConfig;

/** The dispatcher's database work, each step its own short transaction (no transaction spans an HTTP call). */
@ApplicationScoped
public class DeliveryStore {

    /** A claimed delivery with what is needed to send it. */
    public record Claimed(UUID id, String destination, UUID subscriptionId, UUID eventId, int attempts,
            String payload, String url, String secret, Instant claimedUntil) {

        public boolean toClientService() {
            return subscriptionId == null;
        }
    }

    /**
     * Due deliveries, oldest event first, skipping rows another replica holds. A delivery waits while an earlier
     * event of the same appointment is still pending for the same destination (order per appointment); a claim
     * that is not finished within the claim timeout (the claimer died) expires and the row is due again.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id FROM event_delivery d
                LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                  AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
                  AND (d.subscription_id IS NULL OR s.status = 'ACTIVE')
                  AND NOT EXISTS (SELECT 1 FROM event_delivery p
                                  WHERE p.destination = d.destination AND p.appointment_id = d.appointment_id
                                    AND p.event_seq < d.event_seq AND p.status = 'PENDING')
                ORDER BY d.event_seq
                LIMIT :batch
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE event_delivery d SET claimed_until = :until FROM due WHERE d.id = due.id
            RETURNING d.id
            """;

    private static final String LOAD = """
            SELECT d.id, d.destination, d.subscription_id, d.event_id, d.attempts, CAST(e.payload AS text), s.url,
                   s.secret, d.claimed_until
            FROM event_delivery d
            JOIN outbox_event e ON e.seq = d.event_seq
            LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
            WHERE d.id IN (:ids)
            ORDER BY d.event_seq
            """;

    private final EntityManager em;
    private final EventsConfig events;
    private final WebhooksConfig webhooks;

    DeliveryStore(EntityManager em, EventsConfig events, WebhooksConfig webhooks) {
        this.em = em;
        this.events = events;
        this.webhooks = webhooks;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Instant now) {
        List<UUID> ids = em.createNativeQuery(CLAIM, UUID.class)
                .setParameter("now", now)
                .setParameter("until", now.plus(events.dispatch().claimTimeout()).truncatedTo(ChronoUnit.MICROS))
                .setParameter("batch", events.dispatch().batchSize())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(LOAD).setParameter("ids", ids).getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (String) r[6], (String) r[7], instant(r[8]))).toList();
    }

    @Transactional
    public void succeeded(Claimed claim, Instant at, int statusCode) {
        EventDelivery delivery = stillOurs(claim);
        if (delivery == null) {
            return;
        }
        delivery.attempts++;
        delivery.status = EventDelivery.DELIVERED;
        delivery.deliveredAt = at;
        delivery.lastAttemptAt = at;
        delivery.lastStatusCode = statusCode;
        delivery.lastError = null;
        delivery.claimedUntil = null;
        attempt(delivery, at, statusCode, null, null);
        if (delivery.subscriptionId != null) {
            WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId);
            if (subscription != null) {
                subscription.consecutiveFailures = 0;
            }
        }
    }

    /** Schedules the next attempt with exponential backoff; a webhook failing too often in a row is paused. */
    @Transactional
    public void failed(Claimed claim, Instant at, Integer statusCode, String error) {
        EventDelivery delivery = stillOurs(claim);
        if (delivery == null) {
            return;
        }
        delivery.attempts++;
        delivery.lastAttemptAt = at;
        delivery.lastStatusCode = statusCode;
        delivery.lastError = truncate(error);
        delivery.claimedUntil = null;
        delivery.nextAttemptAt = at.plus(backoff(delivery.attempts));
        attempt(delivery, at, statusCode, delivery.lastError, delivery.nextAttemptAt);
        if (delivery.subscriptionId != null) {
            WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId);
            if (subscription != null) {
                subscription.consecutiveFailures++;
                if (subscription.consecutiveFailures >= webhooks.pauseAfterFailures()
                        && WebhookSubscription.ACTIVE.equals(subscription.status)) {
                    subscription.status = WebhookSubscription.PAUSED;
                    subscription.pausedAt = at;
                }
            }
        }
    }

    /** Gives a claimed delivery back untried (its subscription was paused or removed meanwhile). */
    @Transactional
    public void release(UUID id) {
        EventDelivery delivery = em.find(EventDelivery.class, id);
        if (delivery != null) {
            delivery.claimedUntil = null;
        }
    }

    /** Age of the oldest event still pending for client-service or an active subscription; zero when none. */
    @Transactional
    public Duration lag(Instant now) {
        Object oldest = em.createNativeQuery("""
                SELECT min(e.occurred_at) FROM event_delivery d
                JOIN outbox_event e ON e.seq = d.event_seq
                LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.status = 'PENDING' AND (d.subscription_id IS NULL OR s.status = 'ACTIVE')
                """, Instant.class).getSingleResult();
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between((Instant) oldest, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /**
     * The delivery, locked, if our claim still holds; null if it expired and another pass took the row over (that
     * pass records its own outcome; ours would only double-count).
     */
    private EventDelivery stillOurs(Claimed claim) {
        EventDelivery delivery = em.find(EventDelivery.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !EventDelivery.PENDING.equals(delivery.status)
                || !Objects.equals(delivery.claimedUntil, claim.claimedUntil())) {
            return null;
        }
        return delivery;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return null;
    }

    Duration backoff(int attempts) {
        Duration base = events.dispatch().retryBase();
        Duration cap = events.dispatch().retryCap();
        int shift = Math.min(attempts - 1, 30);
        Duration delay = base.multipliedBy(1L << shift);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    private void attempt(EventDelivery delivery, Instant at, Integer statusCode, String error, Instant next) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = at;
        attempt.statusCode = statusCode;
        attempt.error = error;
        attempt.nextAttemptAt = next;
        em.persist(attempt);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
