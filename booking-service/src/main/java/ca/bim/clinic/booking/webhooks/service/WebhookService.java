package ca.bim.clinic.booking.webhooks.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.events.domain.DeliveryAttempt;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.events.repository.EventDeliveryRepository;
import ca.bim.clinic.booking.events.service.DeliveryReplay;
import ca.bim.clinic.booking.webhooks.config.WebhooksConfig;
import ca.bim.clinic.booking.webhooks.domain.WebhookSignature;
import ca.bim.clinic.booking.webhooks.domain.WebhookSubscription;
import ca.bim.clinic.booking.webhooks.domain.WebhookUrlPolicy;
import ca.bim.clinic.booking.webhooks.repository.WebhookSubscriptionRepository;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Registration and management of webhook subscriptions; a partner only ever sees its own. */
@ApplicationScoped
public class WebhookService {

    private final WebhookSubscriptionRepository subscriptions;
    private final EventDeliveryRepository deliveries;
    private final EntityManager em;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;
    private final int maxPerOwner;
    private final java.time.Duration rotationOverlap;
    private final DeliveryReplay replay;

    WebhookService(WebhookSubscriptionRepository subscriptions, EventDeliveryRepository deliveries,
            EntityManager em, WebhooksConfig config, Clock clock, DeliveryReplay replay) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.em = em;
        this.rotationOverlap = config.rotationOverlap();
        this.replay = replay;
        this.urlPolicy = new WebhookUrlPolicy(config.allowLoopbackHttp());
        this.clock = clock;
        this.maxPerOwner = config.maxPerOwner();
    }

    /** Registers a subscription; its secret is returned here and never again. */
    @Transactional
    public WebhookSubscription register(String url, Set<String> eventTypes, Caller caller) {
        urlPolicy.refusal(url).ifPresent(reason -> {
            throw DomainException.unprocessable("The webhook URL " + reason);
        });
        if (subscriptions.count("owner", caller.subject()) >= maxPerOwner) {
            throw DomainException.conflict("At most " + maxPerOwner + " webhooks per account; remove one first");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.owner = caller.subject();
        subscription.allAppointments = caller.roles().contains(Caller.ADMIN);
        subscription.url = url;
        subscription.secret = WebhookSignature.newSecret();
        subscription.status = WebhookSubscription.ACTIVE;
        subscription.createdAt = clock.instant();
        subscription.eventTypes = new TreeSet<>(eventTypes);
        subscriptions.persist(subscription);
        return subscription;
    }

    public PanacheQuery<WebhookSubscription> list(Caller caller) {
        return isAdmin(caller) ? subscriptions.find("order by createdAt, id")
                : subscriptions.find("owner = ?1 order by createdAt, id", caller.subject());
    }

    /** The subscription if the caller owns it (or is admin); 404 otherwise, so others' are not revealed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription visible(UUID id, Caller caller) {
        return subscriptions.findByIdOptional(id).filter(s -> isAdmin(caller) || s.owner.equals(caller.subject()))
                .orElseThrow(() -> new NotFound("No webhook subscription with id " + id));
    }

    /** Reactivates a paused subscription; its waiting deliveries are due at once. */
    @Transactional
    public WebhookSubscription resume(UUID id, Caller caller) {
        WebhookSubscription subscription = visible(id, caller);
        Instant now = clock.instant();
        subscription.status = WebhookSubscription.ACTIVE;
        subscription.consecutiveFailures = 0;
        subscription.pausedAt = null;
        em.createQuery("update EventDelivery set nextAttemptAt = :now where subscriptionId = :id and status = :pending")
                .setParameter("now", now).setParameter("id", id).setParameter("pending", EventDelivery.PENDING)
                .executeUpdate();
        return subscription;
    }

    /** Removes the subscription and its pending deliveries. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        subscriptions.delete(visible(id, caller));
        em.flush();
    }

    /**
     * A new signing secret. The previous one keeps signing deliveries (a second signature in the header) for the
     * rotation overlap, so the receiver can switch without losing a delivery.
     */
    @Transactional
    public WebhookSubscription rotateSecret(UUID id, Caller caller) {
        WebhookSubscription subscription = visible(id, caller);
        subscription.previousSecret = subscription.secret;
        subscription.previousSecretUntil = clock.instant().plus(rotationOverlap);
        subscription.secret = WebhookSignature.newSecret();
        return subscription;
    }

    /** Sends a dead (or still pending) delivery of this subscription again, now. */
    public EventDelivery retry(UUID id, UUID deliveryId, Caller caller) {
        visible(id, caller);
        return replay.retry(deliveryId, "webhook:" + id);
    }

    public PanacheQuery<EventDelivery> deliveries(UUID id, Caller caller) {
        visible(id, caller);
        return deliveries.ofSubscription(id);
    }

    public java.util.List<DeliveryAttempt> attempts(UUID deliveryId) {
        return deliveries.attempts(deliveryId);
    }

    private static boolean isAdmin(Caller caller) {
        return caller.roles().contains(Caller.ADMIN);
    }
}
