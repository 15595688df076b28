package ca.bim.clinic.booking.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The start times a working-hours window offers, free of storage and framework so it can be tested alone.
 * Working hours are local times of the location; a day's window becomes two instants in the location's zone, and
 * candidates then step through real (UTC) time. So a day on which the clocks change has exactly the slots its real
 * length allows: a local time inside the spring-forward gap moves to after the gap, and an ambiguous local time of
 * the autumn overlap means its earlier (daylight) instant, as {@link ZonedDateTime#of} resolves them.
 */
public final class SlotGrid {

    /** One day's working hours as instants, [start, end). */
    public record Window(Instant start, Instant end) {
    }

    private SlotGrid() {
    }

    /** The window of local hours [from, to) on {@code day} in {@code zone}. */
    public static Window window(LocalDate day, LocalTime from, LocalTime to, ZoneId zone) {
        return new Window(ZonedDateTime.of(day, from, zone).toInstant(), ZonedDateTime.of(day, to, zone).toInstant());
    }

    /**
     * Start times counted in steps of {@code step} from the window's start whose {@code duration} fits inside the
     * window, limited to [earliest, latest).
     */
    public static List<Instant> starts(Window window, Duration duration, Duration step, Instant earliest,
            Instant latest) {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = window.start(); !start.plus(duration).isAfter(window.end()); start = start.plus(step)) {
            if (start.isBefore(earliest)) {
                continue;
            }
            if (!start.isBefore(latest)) {
                break;
            }
            starts.add(start);
        }
        return starts;
    }

    /** Whether {@code start} is one of the window's start times (on the step grid, the duration fitting inside). */
    public static boolean isStart(Window window, Instant start, Duration duration, Duration step) {
        return !start.isBefore(window.start()) && !start.plus(duration).isAfter(window.end())
                && Duration.between(window.start(), start).toNanos() % step.toNanos() == 0;
    }
}
