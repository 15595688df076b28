package ca.bim.clinic.booking.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What is delivered to client-service and to partner webhooks, and listed by the catch-up endpoint. Ids, times,
 * place, practitioner, type and status only: no client names and no health data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        @Schema(description = "Unique event id; consumers de-duplicate on it") UUID id,
        @Schema(enumeration = { EventTypes.BOOKED, EventTypes.RESCHEDULED, EventTypes.CANCELLED,
                EventTypes.CHECKED_IN, EventTypes.COMPLETED, EventTypes.NO_SHOW }) String type,
        Instant occurredAt,
        int version,
        Data data) {

    @Schema(name = "EventData")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(
            UUID appointmentId,
            @Schema(description = "Record id in client-service (never a name)") UUID clientId,
            UUID practitionerId,
            @Schema(nullable = true, description = "Display only; may change") String practitionerUsername,
            @Schema(nullable = true, description = "Keycloak subject (sub) of the practitioner's login")
            UUID practitionerSubject,
            UUID locationId,
            String locationCode,
            String appointmentTypeCode,
            @Schema(description = "With the location's UTC offset") OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @Schema(enumeration = { "booked", "checked-in", "completed", "cancelled", "no-show" }) String status,
            @Schema(description = "appointment.rescheduled only") @JsonInclude(JsonInclude.Include.NON_NULL)
            OffsetDateTime previousStartsAt,
            @Schema(description = "appointment.rescheduled only") @JsonInclude(JsonInclude.Include.NON_NULL)
            OffsetDateTime previousEndsAt,
            @Schema(description = "appointment.cancelled only: inside the cancellation window")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean late,
            @Schema(description = "The recurring series the appointment is an occurrence of; absent otherwise")
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID seriesId) {
    }
}
