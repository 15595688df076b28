package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An appointment of a client with a therapist, as last known from booking-service's events; it puts the therapist in
 * the client's care while {@link CareStatus#GRANTING} and until the care period after {@link #startsAt}.
 */
@Entity
@Table(name = "care_appointment")
public class CareAppointment {

    @Id
    public UUID appointmentId;

    public UUID clientId;

    /** The therapist's Keycloak {@code sub}: the key of care. */
    public String therapistSubject;

    /** For display only: usernames change and can be reused. */
    public String therapistUsername;

    public CareStatus status;

    /** When the event that set {@link #status} occurred; later events win, a cancellation always does. */
    public Instant statusAt;

    /** The earliest event seen for this appointment: an admin removal after it outranks the appointment. */
    public Instant bookedAt;

    public Instant startsAt;

    public Instant updatedAt;
}
