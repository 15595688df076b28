package ca.bim.clinic.booking.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.AppointmentStatus;

/** Request and response bodies of the appointment endpoints. */
final class AppointmentDtos {

    private AppointmentDtos() {
    }

    /** A booking request; {@code clientId} is implied for a client booking for themselves. */
    public record BookingRequest(
            @NotBlank String appointmentType,
            @NotNull UUID practitionerId,
            @NotBlank String location,
            @NotNull OffsetDateTime start,
            UUID clientId) {
    }

    /** A new time, and optionally another practitioner or location; absent fields keep their value. */
    public record RescheduleRequest(@NotNull OffsetDateTime start, UUID practitionerId, String location) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason, boolean waiveLateCancellation) {
    }

    /** An appointment; times carry the location's UTC offset. */
    public record AppointmentResponse(UUID id, String appointmentType, String appointmentTypeName,
            UUID practitionerId, String practitionerName, UUID locationId, String locationCode, UUID clientId,
            OffsetDateTime start, OffsetDateTime end, AppointmentStatus status, BigDecimal priceCad, String currency,
            boolean lateCancellation, String cancellationReason, OffsetDateTime cancelledAt, OffsetDateTime createdAt,
            long version) {

        static AppointmentResponse from(Appointment a) {
            ZoneId zone = a.location.zone();
            return new AppointmentResponse(a.id, a.type.code, a.type.name, a.practitioner.id,
                    a.practitioner.displayName, a.location.id, a.location.code, a.clientId,
                    a.startsAt.atZone(zone).toOffsetDateTime(), a.endsAt.atZone(zone).toOffsetDateTime(), a.status,
                    a.priceCad, "CAD", a.lateCancellation, a.cancellationReason,
                    a.cancelledAt == null ? null : a.cancelledAt.atOffset(ZoneOffset.UTC),
                    a.createdAt.atOffset(ZoneOffset.UTC), a.version);
        }
    }
}
