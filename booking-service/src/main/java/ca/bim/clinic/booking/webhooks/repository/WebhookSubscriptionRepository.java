package ca.bim.clinic.booking.webhooks.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.webhooks.domain.WebhookSubscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {
}
