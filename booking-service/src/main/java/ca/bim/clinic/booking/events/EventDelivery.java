package ca.bim.clinic.booking.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event on its way to one destination; attempts are listed in {@link DeliveryAttempt}. */
@Entity
@Table(name = "event_delivery")
public class EventDelivery {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String CLIENT_SERVICE = "client-service";

    @Id
    public UUID id;

    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(nullable = false)
    public String destination;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
