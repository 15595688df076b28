package ca.bim.clinic.booking.events.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.events.domain.DeliveryAttempt;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EventDeliveryRepository implements PanacheRepositoryBase<EventDelivery, UUID> {

    /** A subscription's deliveries, newest event first. */
    public PanacheQuery<EventDelivery> ofSubscription(UUID subscriptionId) {
        return find("subscriptionId = ?1 order by eventSeq desc", subscriptionId);
    }

    /** Deliveries to client-service in one status, newest event first. */
    public PanacheQuery<EventDelivery> toClientService(String status) {
        return find("destination = ?1 and status = ?2 order by eventSeq desc", EventDelivery.CLIENT_SERVICE, status);
    }

    /** The attempts made for one delivery, first first. */
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return getEntityManager()
                .createQuery("from DeliveryAttempt where deliveryId = :id order by attempt", DeliveryAttempt.class)
                .setParameter("id", deliveryId).getResultList();
    }
}
