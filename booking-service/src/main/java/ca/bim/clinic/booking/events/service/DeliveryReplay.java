package ca.bim.clinic.booking.events.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.events.domain.DeliveryAttempt;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.events.repository.EventDeliveryRepository;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Deliveries as admins and partners see them, and their replay: a dead-lettered delivery goes back in the queue, due
 * at once; the dispatcher is woken after commit.
 */
@ApplicationScoped
public class DeliveryReplay {

    @Inject EntityManager em;
    @Inject EventDeliveryRepository deliveries;
    @Inject Clock clock;
    @Inject Dispatcher dispatcher;

    /**
     * Replays the delivery if it goes to {@code destination}: a DEAD one becomes PENDING, a PENDING one is due
     * now; a delivered or suppressed one is a 409 (suppressed stays suppressed: the client withdrew consent).
     */
    public EventDelivery retry(UUID deliveryId, String destination) {
        EventDelivery delivery = requeue(deliveryId, destination);
        dispatcher.wake();
        return delivery;
    }

    @Transactional
    EventDelivery requeue(UUID deliveryId, String destination) {
        EventDelivery delivery = em.find(EventDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.destination.equals(destination)) {
            throw new NotFound("No delivery with id " + deliveryId);
        }
        if (!EventDelivery.DEAD.equals(delivery.status) && !EventDelivery.PENDING.equals(delivery.status)) {
            throw DomainException.conflict("The delivery is " + delivery.status + "; only a dead or pending "
                    + "delivery can be retried");
        }
        delivery.status = EventDelivery.PENDING;
        delivery.settledAt = null;
        delivery.claimedUntil = null;
        delivery.nextAttemptAt = clock.instant();
        return delivery;
    }

    /** Deliveries to client-service in one status, newest event first. */
    public PanacheQuery<EventDelivery> toClientService(String status) {
        return deliveries.toClientService(status);
    }

    /** The attempts made for one delivery, first first. */
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return deliveries.attempts(deliveryId);
    }
}
