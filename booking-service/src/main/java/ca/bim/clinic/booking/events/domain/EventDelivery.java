package ca.bim.clinic.booking.events.domain;

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
    /** Refused by the consumer (4xx other than 408/429); waits for an admin to replay it. */
    public static final String DEAD = "DEAD";
    /** Not sent: the client did not share data with partners when it was due. */
    public static final String SUPPRESSED = "SUPPRESSED";
    public static final String CLIENT_SERVICE = "client-service";

    @Id
    public UUID id;

    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** Null for internal events that concern a client rather than one appointment. */
    @Column(name = "appointment_id")
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

    /** When it left PENDING; retention counts from here. */
    @Column(name = "settled_at")
    public Instant settledAt;

    /** Start of the consumer's answer to the last attempt (for dead letters). */
    @Column(name = "last_response")
    public String lastResponse;
}
