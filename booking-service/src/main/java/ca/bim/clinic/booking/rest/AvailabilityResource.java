package ca.bim.clinic.booking.rest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.service.AvailabilityService;
import ca.bim.clinic.booking.service.CatalogLookup;
import ca.bim.clinic.booking.service.CatalogSnapshot;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.IsoDateTimes;

@Path("/api/v1/availability")
@Tag(name = "Availability")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class AvailabilityResource {

    /**
     * One free start time. {@code start} and {@code end} carry the location's UTC offset on that day. It is a valid
     * booking request as it is ({@code appointmentType}, {@code practitionerId}, {@code locationCode}, {@code start}).
     */
    @Schema(description = "A free start time; post it to bookAppointment as it is (plus clientId when booking for "
            + "a client)")
    @JsonSerialize(using = SlotJson.class)
    public record SlotResponse(String appointmentType, UUID practitionerId, String practitionerName, UUID locationId,
            String locationCode, OffsetDateTime start, OffsetDateTime end) {

        static SlotResponse from(AvailabilityService.Slot slot, String appointmentType, LocalTimes times) {
            var zone = slot.location().zone();
            return new SlotResponse(appointmentType, slot.practitioner().id, slot.practitioner().displayName,
                    slot.location().id, slot.location().code, times.of(slot.start(), zone),
                    times.of(slot.end(), zone));
        }
    }

    /**
     * The offset date-times of one answer, each computed once: practitioners share start times and a slot's end is
     * often another's start, while finding the zone's offset for an instant was 4% of an answer (JFR,
     * docs/benchmarks.md 2026-12-02). Shared instances also make the serializer's per-answer texts a lookup by
     * identity.
     */
    static final class LocalTimes {
        private final Map<ZoneId, Map<Instant, OffsetDateTime>> byZone = new HashMap<>();

        OffsetDateTime of(Instant instant, ZoneId zone) {
            return byZone.computeIfAbsent(zone, z -> new HashMap<>())
                    .computeIfAbsent(instant, i -> i.atZone(zone).toOffsetDateTime());
        }
    }

    /**
     * Writes a slot as Jackson would (the same fields, in the same order, the same texts) without its reflective
     * record accessors: an answer has hundreds of slots, and reading them by reflection was a third of its
     * serialisation (JFR, docs/benchmarks.md 2026-12-01). The type, practitioner and location texts repeat on every
     * slot, so each is quoted and encoded once per answer and then copied as bytes: escaping them again on each slot
     * was 57% of the answer's serialisation. The same goes for the start and end texts, which repeat across
     * practitioners. {@code JsonDateTimesTest} checks the JSON.
     */
    static final class SlotJson extends StdSerializer<SlotResponse> {

        private static final SerializedString APPOINTMENT_TYPE = new SerializedString("appointmentType");
        private static final SerializedString PRACTITIONER_ID = new SerializedString("practitionerId");
        private static final SerializedString PRACTITIONER_NAME = new SerializedString("practitionerName");
        private static final SerializedString LOCATION_ID = new SerializedString("locationId");
        private static final SerializedString LOCATION_CODE = new SerializedString("locationCode");
        private static final SerializedString START = new SerializedString("start");
        private static final SerializedString END = new SerializedString("end");
        /** Key of the answer's encoded texts among the serialisation's attributes (one answer, one map). */
        private static final Object ENCODED = new Object();

        SlotJson() {
            super(SlotResponse.class);
        }

        @Override
        public void serialize(SlotResponse slot, JsonGenerator json, SerializerProvider provider) throws IOException {
            Encoded encoded = (Encoded) provider.getAttribute(ENCODED);
            if (encoded == null) {
                encoded = new Encoded();
                provider.setAttribute(ENCODED, encoded);
            }
            json.writeStartObject(slot);
            json.writeFieldName(APPOINTMENT_TYPE);
            encoded.write(slot.appointmentType(), json);
            json.writeFieldName(PRACTITIONER_ID);
            encoded.write(slot.practitionerId(), json);
            json.writeFieldName(PRACTITIONER_NAME);
            encoded.write(slot.practitionerName(), json);
            json.writeFieldName(LOCATION_ID);
            encoded.write(slot.locationId(), json);
            json.writeFieldName(LOCATION_CODE);
            encoded.write(slot.locationCode(), json);
            json.writeFieldName(START);
            encoded.write(slot.start(), json, provider);
            json.writeFieldName(END);
            encoded.write(slot.end(), json, provider);
            json.writeEndObject();
        }

        /** The texts of one answer: a few dozen (types, practitioners, locations), each encoded at first use. */
        private static final class Encoded {
            private final Map<Object, SerializedString> texts = new HashMap<>();

            void write(Object value, JsonGenerator json) throws IOException {
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(texts.computeIfAbsent(value, v -> new SerializedString(v.toString())));
                }
            }

            /** A date-time as the mapper writes it everywhere else (IsoDateTimes), formatted once per answer. */
            void write(OffsetDateTime value, JsonGenerator json, SerializerProvider provider) throws IOException {
                if (value == null || !IsoDateTimes.writesText(provider)) {
                    provider.defaultSerializeValue(value, json);
                } else {
                    json.writeString(texts.computeIfAbsent(value,
                            v -> new SerializedString(IsoDateTimes.format((OffsetDateTime) v))));
                }
            }
        }
    }

    public record AvailabilityResponse(List<SlotResponse> items, long totalItems) {
    }

    private Instant plusDays(Instant start, Duration days) {
        return start.atZone(rules.defaultZone()).plusDays(days.toDays()).toInstant();
    }

    @Inject AvailabilityService availability;
    @Inject CatalogLookup catalog;
    @Inject CatalogSnapshot snapshot;
    @Inject BookingRules rules;

    @GET
    @Operation(operationId = "listAvailability", summary = "Free start times for an appointment type",
            description = "Slots of every practitioner who delivers the type, at every location unless filtered. "
                    + "Booked time plus buffers, time off, the minimum notice and the booking horizon are excluded. "
                    + "A date-only from/to is read in America/Vancouver and `to` is inclusive; a range covers at most "
                    + "31 days and defaults to 7 days from `from`.")
    @APIResponse(responseCode = "200", description = "The free slots, ordered by start")
    @APIResponse(responseCode = "400", description = "Missing or malformed parameters, or a range over 31 days")
    @APIResponse(responseCode = "404", description = "Unknown appointment type, location or practitioner")
    public AvailabilityResponse find(
            @Parameter(description = "Appointment type code, e.g. sports-massage-60")
            @QueryParam("appointmentType") @NotBlank @Size(max = 200) String appointmentType,
            @Parameter(description = "Location code (richmond, vancouver) or id; all locations when absent")
            @QueryParam("location") @Size(max = 200) String location,
            @Parameter(description = "Practitioner id; all practitioners when absent")
            @QueryParam("practitioner") @Size(max = 200) String practitionerId,
            @Parameter(description = "Date (YYYY-MM-DD) or ISO-8601 date-time with offset", required = true)
            @QueryParam("from") @NotBlank @Size(max = 200) String from,
            @Parameter(description = "Date (inclusive) or date-time; default from + 7 days")
            @QueryParam("to") @Size(max = 200) String to) {
        Instant start = TimeParameters.start(from, "from", rules.defaultZone());
        // Ranges count calendar days in the clinic's zone, so 31 days across a DST change are still 31 days.
        Instant end = to == null || to.isBlank() ? plusDays(start, rules.defaultAvailabilityRange())
                : TimeParameters.end(to, "to", rules.defaultZone());
        if (!end.isAfter(start)) {
            throw TimeParameters.badRequest("to", "query", "must be after from");
        }
        if (end.isAfter(plusDays(start, rules.maxAvailabilityRange()))) {
            throw TimeParameters.badRequest("to", "query",
                    "must be at most " + rules.maxAvailabilityRange().toDays() + " days after from");
        }
        AppointmentType type = snapshot.activeType(appointmentType).orElseThrow(
                () -> new NotFound("No appointment type with code " + appointmentType));
        Optional<Location> place = Optional.empty();
        if (location != null && !location.isBlank()) {
            place = Optional.of(catalog.location(location)
                    .orElseThrow(() -> new NotFound("No location " + location)));
        }
        UUID practitioner = TimeParameters.uuid(practitionerId, "practitioner");
        Optional<Practitioner> who = Optional.empty();
        if (practitioner != null) {
            who = Optional.of(catalog.practitioner(practitioner).orElseThrow(
                    () -> new NotFound("No practitioner with id " + practitioner)));
        }
        LocalTimes times = new LocalTimes();
        List<SlotResponse> slots = availability.find(type, place, who, start, end).stream()
                .map(slot -> SlotResponse.from(slot, type.code, times)).toList();
        return new AvailabilityResponse(slots, slots.size());
    }
}
