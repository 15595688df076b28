package ca.bim.clinic.booking.events.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One try to deliver an event: when, the HTTP status (if any answer came) and the error. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public UUID deliveryId;
    public int attempt;
    public Instant attemptedAt;
    public Integer statusCode;
    public String error;
    public Instant nextAttemptAt;
}
