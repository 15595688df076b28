package ca.bim.clinic.booking.events.domain;

import java.time.Instant;
import java.util.UUID;

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

    public long eventSeq;
    public UUID eventId;
    public String eventType;

    /** Null for internal events that concern a client rather than one appointment. */
    public UUID appointmentId;

    public String destination;
    public UUID subscriptionId;
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant claimedUntil;
    public Instant lastAttemptAt;
    public Integer lastStatusCode;
    public String lastError;
    public Instant deliveredAt;

    /** When it left PENDING; retention counts from here. */
    public Instant settledAt;

    /** Start of the consumer's answer to the last attempt (for dead letters). */
    public String lastResponse;
}
