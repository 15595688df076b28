package ca.bim.clinic.booking.webhooks.domain;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A partner's (or an admin's) registration for appointment events. A partner's subscription receives the events of
 * the appointments it booked; an admin's receives all.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";

    @Id
    public UUID id;

    /** Token subject of the registering caller. */
    public String owner;

    public boolean allAppointments;
    public String url;

    /** Signing key; shown once at registration, kept to sign every delivery. */
    public String secret;

    /** The secret before the last rotation; deliveries are signed with it too until {@link #previousSecretUntil}. */
    public String previousSecret;

    public Instant previousSecretUntil;
    public String status;
    public int consecutiveFailures;
    public Instant pausedAt;
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscription_event_type", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "event_type")
    public Set<String> eventTypes = new TreeSet<>();

    @Version
    public long version;
}
