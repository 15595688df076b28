package ca.bim.clinic.booking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Slot generation across both daylight-saving changes of 2026 in the clinics' zone: spring forward on Sunday
 * 8 March (02:00 PST becomes 03:00 PDT) and fall back on Sunday 1 November (02:00 PDT becomes 01:00 PST).
 */
class SlotGridTest {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration STEP = Duration.ofMinutes(30);
    private static final Instant EVER = Instant.EPOCH;
    private static final Instant NEVER = Instant.parse("2100-01-01T00:00:00Z");

    private static List<Instant> starts(String day, String from, String to) {
        return SlotGrid.starts(window(day, from, to), HOUR, STEP, EVER, NEVER);
    }

    private static SlotGrid.Window window(String day, String from, String to) {
        return SlotGrid.window(LocalDate.parse(day), LocalTime.parse(from), LocalTime.parse(to), VANCOUVER);
    }

    private static List<Instant> utc(String... instants) {
        return java.util.Arrays.stream(instants).map(Instant::parse).toList();
    }

    @Test
    void dayHoursKeepTheirLocalTimesOnEitherSideOfSpringForward() {
        // 09:00 local is 17:00Z in standard time and 16:00Z in daylight time; both days keep 8 real hours.
        assertThat(window("2026-03-07", "09:00", "17:00"))
                .isEqualTo(new SlotGrid.Window(Instant.parse("2026-03-07T17:00:00Z"),
                        Instant.parse("2026-03-08T01:00:00Z")));
        assertThat(window("2026-03-08", "09:00", "17:00"))
                .isEqualTo(new SlotGrid.Window(Instant.parse("2026-03-08T16:00:00Z"),
                        Instant.parse("2026-03-09T00:00:00Z")));
        assertThat(starts("2026-03-08", "09:00", "17:00")).hasSize(15)
                .startsWith(Instant.parse("2026-03-08T16:00:00Z"))
                .endsWith(Instant.parse("2026-03-08T23:00:00Z"));
    }

    @Test
    void springForwardNightHasOneHourLessOfSlots() {
        // 01:00 to 04:00 local on 8 March lasts two real hours: 02:00 to 03:00 never happens.
        assertThat(starts("2026-03-08", "01:00", "04:00")).isEqualTo(utc(
                "2026-03-08T09:00:00Z", // 01:00 PST
                "2026-03-08T09:30:00Z", // 01:30 PST
                "2026-03-08T10:00:00Z")); // 03:00 PDT, ends at 04:00 PDT
        // The same hours a week later, all in daylight time, last three real hours.
        assertThat(starts("2026-03-15", "01:00", "04:00")).hasSize(5);
    }

    @Test
    void hoursStartingInsideTheSpringGapStartAfterIt() {
        // 02:30 does not exist on 8 March; it resolves to 03:30 PDT.
        assertThat(starts("2026-03-08", "02:30", "05:00")).isEqualTo(utc(
                "2026-03-08T10:30:00Z", // 03:30 PDT
                "2026-03-08T11:00:00Z")); // 04:00 PDT, ends at 05:00 PDT
    }

    @Test
    void fallBackNightHasOneHourMoreOfSlotsAndRepeatsLocalTimes() {
        // 01:00 to 04:00 local on 1 November lasts four real hours; 01:00 means the first (daylight) one.
        List<Instant> starts = starts("2026-11-01", "01:00", "04:00");
        assertThat(starts).isEqualTo(utc(
                "2026-11-01T08:00:00Z", // 01:00 PDT
                "2026-11-01T08:30:00Z", // 01:30 PDT
                "2026-11-01T09:00:00Z", // 01:00 PST, the repeated hour
                "2026-11-01T09:30:00Z", // 01:30 PST
                "2026-11-01T10:00:00Z", // 02:00 PST
                "2026-11-01T10:30:00Z", // 02:30 PST
                "2026-11-01T11:00:00Z")); // 03:00 PST, ends at 04:00 PST
        assertThat(starts.stream().map(s -> s.atZone(VANCOUVER).toLocalTime().toString()))
                .containsExactly("01:00", "01:30", "01:00", "01:30", "02:00", "02:30", "03:00");
    }

    @Test
    void dayHoursKeepTheirLocalTimesOnEitherSideOfFallBack() {
        assertThat(window("2026-10-31", "09:00", "17:00").start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(window("2026-11-01", "09:00", "17:00").start()).isEqualTo(Instant.parse("2026-11-01T17:00:00Z"));
        assertThat(starts("2026-11-01", "09:00", "17:00")).hasSize(15);
    }

    @Test
    void bookingChecksUseTheSameGridAsTheList() {
        SlotGrid.Window fallBack = window("2026-11-01", "01:00", "04:00");
        for (Instant start : SlotGrid.starts(fallBack, HOUR, STEP, EVER, NEVER)) {
            assertThat(SlotGrid.isStart(fallBack, start, HOUR, STEP)).as(start.toString()).isTrue();
        }
        // Off the half-hour grid, before the window, or running past its end.
        assertThat(SlotGrid.isStart(fallBack, Instant.parse("2026-11-01T09:15:00Z"), HOUR, STEP)).isFalse();
        assertThat(SlotGrid.isStart(fallBack, Instant.parse("2026-11-01T07:30:00Z"), HOUR, STEP)).isFalse();
        assertThat(SlotGrid.isStart(fallBack, Instant.parse("2026-11-01T11:30:00Z"), HOUR, STEP)).isFalse();
    }

    @Test
    void startsAreLimitedToTheRequestedRange() {
        SlotGrid.Window spring = window("2026-03-08", "01:00", "04:00");
        assertThat(SlotGrid.starts(spring, HOUR, STEP, Instant.parse("2026-03-08T09:15:00Z"),
                Instant.parse("2026-03-08T10:00:00Z"))).isEqualTo(utc("2026-03-08T09:30:00Z"));
    }
}
