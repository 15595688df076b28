package ca.bim.clinic.booking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.common.rest.IsoDateTimes;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The answers' date-times go through the kit's fast writer, and read exactly as Jackson's own would write them; so do
 * availability slots, which have a writer of their own.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class JsonDateTimesTest {

    @Inject ObjectMapper mapper;

    @Test
    void offsetDateTimesAreWrittenByTheKitWithTheirOffset() throws Exception {
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class))
                .isInstanceOf(IsoDateTimes.Serializer.class);
        assertThat(mapper.writeValueAsString(OffsetDateTime.parse("2026-12-01T09:00:00-08:00")))
                .isEqualTo("\"2026-12-01T09:00:00-08:00\"");
        assertThat(mapper.writeValueAsString(OffsetDateTime.parse("2026-12-01T09:00:00.5Z")))
                .isEqualTo("\"2026-12-01T09:00:00.5Z\"");
    }

    /** The availability slot's own writer gives the JSON Jackson gives by reflection over the record. */
    @Test
    void aSlotReadsAsTheRecordWouldByReflection() throws Exception {
        var slot = new AvailabilityResource.SlotResponse("sports-massage-60",
                UUID.fromString("0b8e2f52-6a57-4c0e-9d1a-3f6f2c1d9e01"), "Aubrey \"Bree\" Morrison \u00e9",
                UUID.fromString("7d1c0e9a-1111-4a2b-8c3d-000000000002"), "vancouver",
                OffsetDateTime.parse("2026-12-03T09:00:00-08:00"), OffsetDateTime.parse("2026-12-03T10:00:00-08:00"));
        ObjectMapper reflective = mapper.copy().configure(MapperFeature.USE_ANNOTATIONS, false);
        assertThat(mapper.writeValueAsString(slot)).isEqualTo(reflective.writeValueAsString(slot))
                .startsWith("{\"appointmentType\":\"sports-massage-60\",\"practitionerId\":\"0b8e2f52-");
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(slot.getClass()))
                .isInstanceOf(AvailabilityResource.SlotJson.class);
    }

    /**
     * An answer of several slots reads as by reflection too: texts shared by slots are encoded once per answer, and a
     * missing name is still a JSON null.
     */
    @Test
    void anAnswerOfSlotsReadsAsByReflection() throws Exception {
        UUID aubrey = UUID.fromString("0b8e2f52-6a57-4c0e-9d1a-3f6f2c1d9e01");
        UUID vancouver = UUID.fromString("7d1c0e9a-1111-4a2b-8c3d-000000000002");
        String name = "Aubrey \"Bree\" Morrison \u00e9\u0001";
        var first = new AvailabilityResource.SlotResponse("sports-massage-60", aubrey, name, vancouver, "vancouver",
                OffsetDateTime.parse("2026-12-03T09:00:00-08:00"), OffsetDateTime.parse("2026-12-03T10:00:00-08:00"));
        var second = new AvailabilityResource.SlotResponse("sports-massage-60", aubrey, name, vancouver, "vancouver",
                OffsetDateTime.parse("2026-12-03T09:15:00-08:00"), OffsetDateTime.parse("2026-12-03T10:15:00-08:00"));
        var other = new AvailabilityResource.SlotResponse("sports-massage-60",
                UUID.fromString("0b8e2f52-6a57-4c0e-9d1a-3f6f2c1d9e02"), null,
                UUID.fromString("7d1c0e9a-1111-4a2b-8c3d-000000000001"), "richmond",
                OffsetDateTime.parse("2026-12-03T09:00:00-08:00"), OffsetDateTime.parse("2026-12-03T10:00:00-08:00"));
        var answer = new AvailabilityResource.AvailabilityResponse(List.of(first, second, other), 3);
        ObjectMapper reflective = mapper.copy().configure(MapperFeature.USE_ANNOTATIONS, false);

        String json = mapper.writeValueAsString(answer);
        assertThat(json).isEqualTo(reflective.writeValueAsString(answer))
                .contains("\"practitionerName\":null,\"locationId\":\"7d1c0e9a-1111-4a2b-8c3d-000000000001\"");
        // A second answer starts from nothing: no text of the first is left over.
        var alone = new AvailabilityResource.AvailabilityResponse(List.of(other), 1);
        assertThat(mapper.writeValueAsString(alone)).isEqualTo(reflective.writeValueAsString(alone));
        // With dates as timestamps (a setting these services do not use) the slot's dates are Jackson's own too.
        ObjectMapper timestamps = mapper.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertThat(timestamps.writeValueAsString(answer))
                .isEqualTo(reflective.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writeValueAsString(answer))
                .doesNotContain("2026-12-03T09:00:00-08:00");
    }

    /** One answer computes each instant's local date-time once per zone, and gives the same one for the same instant. */
    @Test
    void localTimesAreSharedWithinAnAnswer() {
        var times = new AvailabilityResource.LocalTimes();
        ZoneId vancouver = ZoneId.of("America/Vancouver");
        Instant nine = Instant.parse("2026-12-03T17:00:00Z");

        assertThat(times.of(nine, vancouver)).isEqualTo(OffsetDateTime.parse("2026-12-03T09:00:00-08:00"))
                .isSameAs(times.of(Instant.parse("2026-12-03T17:00:00Z"), vancouver));
        assertThat(times.of(nine, ZoneId.of("America/Toronto")))
                .isEqualTo(OffsetDateTime.parse("2026-12-03T12:00:00-05:00"));
        // Across the spring change the offset follows the instant.
        assertThat(times.of(Instant.parse("2027-03-15T16:00:00Z"), vancouver))
                .isEqualTo(OffsetDateTime.parse("2027-03-15T09:00:00-07:00"));
    }
}
