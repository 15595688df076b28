package ca.bim.clinic.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;

class IsoDateTimesTest {

    @Test
    void writesWhatTheIsoFormatterWrites() {
        Random random = new Random(20261130);
        for (int i = 0; i < 100_000; i++) {
            int offsetSeconds = switch (i % 4) {
                case 0 -> 0;
                case 1 -> (random.nextInt(37) - 18) * 3600;
                case 2 -> (random.nextInt(18 * 60 * 2 + 1) - 18 * 60) * 60;
                default -> random.nextInt(18 * 3600 * 2 + 1) - 18 * 3600;
            };
            OffsetDateTime value = OffsetDateTime.of(random.nextInt(12000) - 1000, 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    i % 5 == 0 ? random.nextInt(1_000_000_000) : 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
            assertThat(IsoDateTimes.format(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    @Test
    void slotsReadAsBefore() throws Exception {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-01T09:00:00-08:00");
        assertThat(IsoDateTimes.format(start)).isEqualTo("2026-12-01T09:00:00-08:00");
        assertThat(IsoDateTimes.format(start.withOffsetSameInstant(ZoneOffset.UTC))).isEqualTo("2026-12-01T17:00:00Z");

        ObjectMapper jsr310 = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectMapper ours = jsr310.copy();
        new IsoDateTimes().customize(ours);
        assertThat(ours.writeValueAsString(start)).isEqualTo(jsr310.writeValueAsString(start));
    }
}
