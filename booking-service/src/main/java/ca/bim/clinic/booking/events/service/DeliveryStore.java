package ca.bim.clinic.booking.events.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.events.config.EventsConfig;
import ca.bim.clinic.booking.events.domain.DeliveryAttempt;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.webhooks.config.WebhooksConfig;
import ca.bim.clinic.booking.webhooks.domain.WebhookSubscription;
import ca.bim.clinic.common.persistence.ScalarQuery;

/** The dispatcher's database work, each step its own short transaction (no transaction spans an HTTP call). */
@ApplicationScoped
public class DeliveryStore {

    /** A claimed delivery with what is needed to send it. */
    public record Claimed(UUID id, String destination, UUID subscriptionId, UUID eventId, int attempts,
            String payload, String url, String secret, String previousSecret, Instant claimedUntil) {

        public boolean toClientService() {
            return subscriptionId == null;
        }
    }

    /**
     * Due deliveries, oldest event first, skipping rows another replica holds and destinations this process is
     * already busy with. A delivery waits while an earlier event of the same appointment is still pending for the
     * same destination (order per appointment): only the head of each appointment's pending chain per destination
     * can go. Events without an appointment have no chain. A claim that is not finished within the claim timeout
     * (the claimer died) expires and the row is due again.
     * <p>
     * The heads come from one ordered pass over the pending rows rather than a NOT EXISTS probe per row: with a
     * backlog that arrived faster than the statistics were refreshed, the planner ran that probe as a scan of every
     * pending row for each pending row, and one claim of a 5,000-event backlog took 2.6 s (docs/benchmarks.md).
     */
    private static final String CLAIM = """
            WITH heads AS (
                SELECT DISTINCT ON (destination, appointment_id) id FROM event_delivery
                WHERE status = 'PENDING' AND appointment_id IS NOT NULL
                ORDER BY destination, appointment_id, event_seq
            ), due AS (
                SELECT d.id FROM event_delivery d
                LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                  AND (d.claimed_until IS NULL OR d.claimed_until <= :now)
                  AND (d.subscription_id IS NULL OR s.status = 'ACTIVE')
                  AND NOT (d.destination = ANY (string_to_array(:busy, ',')))
                  AND (d.appointment_id IS NULL OR d.id IN (SELECT id FROM heads))
                ORDER BY d.event_seq
                LIMIT :batch
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE event_delivery d SET claimed_until = :until FROM due WHERE d.id = due.id
            RETURNING d.id
            """;

    /**
     * The claimed rows with what sending needs. {@code shareable}: a partner's subscription may receive the event
     * only while the client shares data with partners, judged now, at delivery time (no standing row: not shared).
     */
    private static final String LOAD = """
            SELECT d.id, d.destination, d.subscription_id, d.event_id, d.attempts, CAST(e.payload AS text), s.url,
                   s.secret, CASE WHEN s.previous_secret_until > :now THEN s.previous_secret END, d.claimed_until,
                   (s.id IS NULL OR s.all_appointments
                    OR EXISTS (SELECT 1 FROM client_standing cs
                               WHERE cs.client_id = e.client_id AND cs.data_sharing)) AS shareable
            FROM event_delivery d
            JOIN outbox_event e ON e.seq = d.event_seq
            LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
            WHERE d.id IN (:ids)
            ORDER BY d.event_seq
            """;

    @Inject EntityManager em;
    @Inject EventsConfig events;
    @Inject WebhooksConfig webhooks;

    @Transactional
    public List<Claimed> claim(Instant now) {
        return claim(now, List.of());
    }

    /**
     * Claims due deliveries, except to the destinations in {@code busy}. Deliveries of a client who no longer shares
     * data are settled as SUPPRESSED here, unsent, and not returned.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Instant now, Collection<String> busy) {
        List<UUID> ids = ScalarQuery.of(em, CLAIM, "id", UUID.class)
                .setParameter("now", now)
                .setParameter("until", now.plus(events.dispatch().claimTimeout()).truncatedTo(ChronoUnit.MICROS))
                .setParameter("batch", events.dispatch().batchSize())
                .setParameter("busy", String.join(",", busy))
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery(LOAD).setParameter("ids", ids).setParameter("now", now)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        List<UUID> suppressed = new ArrayList<>();
        for (Object[] r : rows) {
            if (!Boolean.TRUE.equals(r[10])) {
                suppressed.add((UUID) r[0]);
                continue;
            }
            claimed.add(new Claimed((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], ((Number) r[4]).intValue(),
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], instant(r[9])));
        }
        if (!suppressed.isEmpty()) {
            em.createQuery("""
                    update EventDelivery set status = :suppressed, settledAt = :now, claimedUntil = null,
                        lastError = 'client does not share data with partners'
                    where id in :ids
                    """).setParameter("suppressed", EventDelivery.SUPPRESSED).setParameter("now", now)
                    .setParameter("ids", suppressed).executeUpdate();
        }
        return claimed;
    }

    /**
     * Records a run of successful sends in one statement (they were claimed together, so they share one claim
     * time): delivered, one attempt each, and their webhooks' failure streaks reset. Rows whose claim expired and
     * were taken over meanwhile are left to the pass that owns them.
     */
    @Transactional
    public void succeeded(List<Claimed> claims, List<Integer> statusCodes, Instant at) {
        Map<Integer, Map<Instant, List<UUID>>> groups = new java.util.HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            groups.computeIfAbsent(statusCodes.get(i), c -> new java.util.HashMap<>())
                    .computeIfAbsent(claims.get(i).claimedUntil(), u -> new ArrayList<>()).add(claims.get(i).id());
        }
        groups.forEach((code, byClaim) -> byClaim.forEach((until, ids) -> em.createNativeQuery("""
                WITH done AS (
                    UPDATE event_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = :at,
                        settled_at = :at, last_attempt_at = :at, last_status_code = :code, last_error = NULL,
                        last_response = NULL, claimed_until = NULL
                    WHERE id IN (:ids) AND status = 'PENDING' AND claimed_until = :until
                    RETURNING id, attempts, subscription_id),
                reset AS (
                    UPDATE webhook_subscription s SET consecutive_failures = 0
                    FROM done WHERE s.id = done.subscription_id AND s.consecutive_failures <> 0)
                INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, status_code)
                SELECT id, attempts, :at, :code FROM done
                """).setParameter("ids", ids).setParameter("at", at).setParameter("code", code)
                .setParameter("until", until).executeUpdate()));
    }

    public void failed(Claimed claim, Instant at, Integer statusCode, String error) {
        failed(claim, at, statusCode, error, null);
    }

    /**
     * Records a failed attempt. A refusal (a 4xx other than 408 and 429: retrying the same request cannot help)
     * moves the delivery to DEAD with the answer, for an admin to replay; anything else is retried with
     * exponential backoff. A webhook failing too often in a row is paused.
     */
    @Transactional
    public void failed(Claimed claim, Instant at, Integer statusCode, String error, String response) {
        EventDelivery delivery = stillOurs(claim);
        if (delivery == null) {
            return;
        }
        delivery.attempts++;
        delivery.lastAttemptAt = at;
        delivery.lastStatusCode = statusCode;
        delivery.lastError = truncate(error, 500);
        delivery.lastResponse = truncate(response, 2000);
        delivery.claimedUntil = null;
        if (refused(statusCode)) {
            delivery.status = EventDelivery.DEAD;
            delivery.settledAt = at;
            attempt(delivery, at, statusCode, delivery.lastError, null);
        } else {
            delivery.nextAttemptAt = at.plus(backoff(delivery.attempts));
            attempt(delivery, at, statusCode, delivery.lastError, delivery.nextAttemptAt);
        }
        if (delivery.subscriptionId != null) {
            WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId,
                    LockModeType.PESSIMISTIC_WRITE);
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

    /** 4xx other than 408 (timeout) and 429 (rate limited): the receiver will refuse the same request again. */
    static boolean refused(Integer statusCode) {
        return statusCode != null && statusCode >= 400 && statusCode < 500 && statusCode != 408 && statusCode != 429;
    }

    /**
     * Gives claimed deliveries back untried, due at {@code at}: their destination just failed, so the rest of its
     * share waits with it instead of each timing out in turn. No attempt is counted.
     */
    @Transactional
    public void postpone(Collection<Claimed> claims, Instant at) {
        for (Claimed claim : claims) {
            EventDelivery delivery = stillOurs(claim);
            if (delivery != null) {
                delivery.claimedUntil = null;
                delivery.nextAttemptAt = at;
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

    /**
     * Age of the oldest event still pending for client-service or an active subscription; zero when none. The oldest
     * is the one written first (lowest sequence), read from the pending rows' own index: the minimum of every pending
     * row's time took seconds with a large backlog and stale statistics (docs/benchmarks.md 2026-12-02).
     */
    @Transactional
    public Duration lag(Instant now) {
        List<Instant> oldest = ScalarQuery.of(em, """
                SELECT e.occurred_at AS oldest FROM event_delivery d
                JOIN outbox_event e ON e.seq = d.event_seq
                LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
                WHERE d.status = 'PENDING' AND (d.subscription_id IS NULL OR s.status = 'ACTIVE')
                ORDER BY d.event_seq
                LIMIT 1
                """, "oldest", Instant.class).getResultList();
        if (oldest.isEmpty()) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(oldest.get(0), now);
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

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
