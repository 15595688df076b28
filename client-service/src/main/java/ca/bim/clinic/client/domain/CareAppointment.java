package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** The therapist's Keycloak {@code sub}: the key of care. */
    @Column(name = "therapist_subject", nullable = false)
    public String therapistSubject;

    /** For display only: usernames change and can be reused. */
    @Column(name = "therapist_username")
    public String therapistUsername;

    @Column(nullable = false)
    public CareStatus status;

    /** When the event that set {@link #status} occurred; later events win, a cancellation always does. */
    @Column(name = "status_at", nullable = false)
    public Instant statusAt;

    /** The earliest event seen for this appointment: an admin removal after it outranks the appointment. */
    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
