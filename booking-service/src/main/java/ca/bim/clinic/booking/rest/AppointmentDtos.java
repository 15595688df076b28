package ca.bim.clinic.booking.rest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.AppointmentStatus;

/** Request and response bodies of the appointment endpoints. */
final class AppointmentDtos {

    private AppointmentDtos() {
    }

    /**
     * A booking request; {@code clientId} is implied for a client booking for themselves. A slot from
     * {@code listAvailability} is a valid body as it is: its other properties are ignored.
     */
    @Schema(description = "A slot from listAvailability posted back as it is (its other properties are ignored), "
            + "plus clientId when staff or a partner book for a client")
    public record BookingRequest(
            @Schema(description = "Appointment type code, e.g. sports-massage-60") @NotBlank @Size(max = 80)
            String appointmentType,
            @NotNull UUID practitionerId,
            @Schema(description = "Location code (richmond, vancouver) or id") @NotBlank @Size(max = 80)
            String locationCode,
            @NotNull OffsetDateTime start,
            @Schema(description = "Required unless a client books for themselves") UUID clientId,
            @Schema(description = "A live hold on this slot (POST /api/v1/holds) to turn into the appointment; the "
                    + "other fields must be the hold's. Booking a hold twice returns the same appointment.")
            UUID holdId) {
    }

    /** A new time, and optionally another practitioner or location; absent fields keep their value. */
    public record RescheduleRequest(@NotNull OffsetDateTime start, UUID practitionerId,
            @Schema(description = "Location code or id; the current location when absent") @Size(max = 80)
            String locationCode) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason, boolean waiveLateCancellation) {
    }

    /** An appointment; times carry the location's UTC offset. */
    public record AppointmentResponse(UUID id, String appointmentType, String appointmentTypeName,
            UUID practitionerId, String practitionerName, UUID locationId, String locationCode, UUID clientId,
            OffsetDateTime start, OffsetDateTime end, AppointmentStatus status, BigDecimal priceCad, String currency,
            boolean lateCancellation, @Schema(nullable = true) String cancellationReason,
            @Schema(nullable = true) OffsetDateTime cancelledAt, OffsetDateTime createdAt,
            long version,
            @Schema(nullable = true, description = "The recurring series this is an occurrence of") UUID seriesId) {

        static AppointmentResponse from(Appointment a) {
            ZoneId zone = a.location.zone();
            return new AppointmentResponse(a.id, a.type.code, a.type.name, a.practitioner.id,
                    a.practitioner.displayName, a.location.id, a.location.code, a.clientId,
                    a.startsAt.atZone(zone).toOffsetDateTime(), a.endsAt.atZone(zone).toOffsetDateTime(), a.status,
                    a.priceCad, "CAD", a.lateCancellation, a.cancellationReason,
                    a.cancelledAt == null ? null : a.cancelledAt.atOffset(ZoneOffset.UTC),
                    a.createdAt.atOffset(ZoneOffset.UTC), a.version, a.seriesId);
        }
    }
}
