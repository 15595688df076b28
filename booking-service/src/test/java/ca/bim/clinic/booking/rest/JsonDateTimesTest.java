package ca.bim.clinic.booking.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
