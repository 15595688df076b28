package ca.bim.clinic.fhir.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SlotIdTest {

    @Test
    void roundTripsAndFitsAFhirId() {
        UUID practitioner = new UUID(-1L, -1L); // the longest base-36 form
        SlotId id = SlotId.of(UUID.randomUUID(), UUID.randomUUID(), practitioner,
                Instant.parse("2099-12-31T23:45:00Z"));
        assertThat(id.value()).matches("[A-Za-z0-9\\-.]{1,64}");
        assertThat(SlotId.parse(id.value())).contains(id);
    }

    @Test
    void typeAndLocationAreMatchedByTheTailOfTheirIds() {
        UUID type = UUID.fromString("5e7b3c10-8f2a-4d6b-a1c3-000000000002");
        UUID other = UUID.fromString("5e7b3c10-8f2a-4d6b-a1c3-000000000007");
        SlotId id = SlotId.parse(SlotId.of(type, other, UUID.randomUUID(), Instant.EPOCH).value()).orElseThrow();
        assertThat(id.matchesType(type)).isTrue();
        assertThat(id.matchesType(other)).isFalse();
        assertThat(id.matchesLocation(other)).isTrue();
    }

    @Test
    void garbageDoesNotParse() {
        assertThat(SlotId.parse("not-a-slot")).isEmpty();
        assertThat(SlotId.parse("")).isEmpty();
        assertThat(SlotId.parse(null)).isEmpty();
        assertThat(SlotId.parse("000000000002-0c6f1b7e1001-" + "z".repeat(25) + "-1")).isEmpty();
    }
}
