package ca.bim.clinic.booking.events.domain;

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
                EventTypes.CHECKED_IN, EventTypes.COMPLETED, EventTypes.NO_SHOW, EventTypes.WAITLIST_OFFERED })
        String type,
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
            @Schema(enumeration = { "booked", "checked-in", "completed", "cancelled", "no-show", "held" },
                    description = "held: waitlist.offered only (appointmentId is then the hold's id)") String status,
            @Schema(description = "appointment.rescheduled only") @JsonInclude(JsonInclude.Include.NON_NULL)
            OffsetDateTime previousStartsAt,
            @Schema(description = "appointment.rescheduled only") @JsonInclude(JsonInclude.Include.NON_NULL)
            OffsetDateTime previousEndsAt,
            @Schema(description = "appointment.cancelled only: inside the cancellation window")
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean late,
            @Schema(description = "The recurring series the appointment is an occurrence of; absent otherwise")
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID seriesId,
            @Schema(description = "waitlist.offered only: until when the slot is held for the client (book it with "
                    + "holdId = appointmentId before then)")
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant holdExpiresAt,
            @Schema(description = "waitlist.offered only: the waitlist entry the slot was offered to")
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID waitlistEntryId) {
    }

    /** The type-specific fields of {@link Data}, absent (null) where they do not apply. */
    public record Extra(OffsetDateTime previousStartsAt, OffsetDateTime previousEndsAt, Boolean late, UUID seriesId,
            Instant holdExpiresAt, UUID waitlistEntryId) {
    }
}
