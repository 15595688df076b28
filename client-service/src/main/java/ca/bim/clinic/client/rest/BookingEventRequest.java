package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One event envelope from booking-service. Only the fields this service uses are bound; every other field (the
 * appointment's times, location, type, status, ...) is ignored, so the producer may add fields freely.
 */
public record BookingEventRequest(
        @NotNull UUID id,
        @NotBlank @Size(max = 100) String type,
        @NotNull Instant occurredAt,
        @NotNull @Positive Integer version,
        @NotNull(groups = KnownType.class) @Valid Appointment data) {

    /** Constraints that hold for the types this version knows; an unknown type's data is not required. */
    public interface KnownType {
    }

    /** The appointment snapshot every appointment event carries. */
    public record Appointment(
            @NotNull(groups = KnownType.class) UUID appointmentId,
            @NotNull(groups = KnownType.class) UUID clientId,
            /** Null for a practitioner without a login, who then joins no care team. */
            @Pattern(regexp = CareTeamResource.USERNAME, message = "must be a username") String practitionerUsername) {
    }
}
