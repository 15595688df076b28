package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One event envelope from booking-service. Only the fields this service uses are bound; every other field (the
 * appointment's location, type, end, ...) is ignored, so the producer may add fields freely. Which data fields are
 * required depends on the type: {@link AppointmentEvent} for {@code appointment.*}, {@link AccessEvent} for
 * {@code client.appointments-read}.
 */
public record BookingEventRequest(
        @NotNull UUID id,
        @NotBlank @Size(max = 100) String type,
        @NotNull Instant occurredAt,
        @NotNull @Positive Integer version,
        @NotNull(groups = { AppointmentEvent.class, AccessEvent.class }) @Valid Data data) {

    /** Constraints of the appointment events ({@code appointment.booked}, ...). */
    public interface AppointmentEvent {
    }

    /** Constraints of {@code client.appointments-read}. */
    public interface AccessEvent {
    }

    /** The union of the fields the known types carry. */
    public record Data(
            @NotNull(groups = { AppointmentEvent.class, AccessEvent.class }) UUID clientId,
            @NotNull(groups = AppointmentEvent.class) UUID appointmentId,
            @NotNull(groups = AppointmentEvent.class) Instant startsAt,
            /** The therapist's Keycloak subject; null for a practitioner without a login, who gets no care. */
            UUID practitionerSubject,
            /** Display only. */
            @Pattern(regexp = CareTeamResource.USERNAME, message = "must be a username") String practitionerUsername,
            @NotNull(groups = AccessEvent.class) UUID viewerSubject,
            @NotNull(groups = AccessEvent.class)
            @Pattern(regexp = "therapist|front-desk|admin|partner", message = "must be a staff or partner role",
                    groups = AccessEvent.class) String viewerRole,
            @NotNull(groups = AccessEvent.class) @Size(max = 1000, groups = AccessEvent.class)
            List<@NotNull(groups = AccessEvent.class) UUID> appointmentIds,
            @NotBlank(groups = AccessEvent.class) @Size(max = 300, groups = AccessEvent.class) String request) {
    }
}
