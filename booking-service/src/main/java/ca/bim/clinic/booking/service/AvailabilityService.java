package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.domain.Schedule;
import ca.bim.clinic.booking.domain.TimeOff;
import ca.bim.clinic.booking.repository.AppointmentRepository;
import ca.bim.clinic.booking.repository.AppointmentRepository.BusyInterval;

/**
 * Free start times: the start times of each practitioner's working hours ({@link SlotGrid}, which also handles
 * days on which the clocks change) less time off, appointments already booked and live holds (an expired hold
 * counts as free at once).
 */
@ApplicationScoped
public class AvailabilityService {

    /** A bookable start time. */
    public record Slot(Practitioner practitioner, Location location, Instant start, Instant end) {
    }

    /**
     * Start, then practitioner name, then practitioner id. Written out: the chain of key extractors it replaces was 6%
     * of a 14-day answer (JFR, docs/benchmarks.md 2026-12-02).
     */
    private static final Comparator<Slot> BY_START_THEN_PRACTITIONER = (a, b) -> {
        int order = a.start().compareTo(b.start());
        if (order == 0) {
            order = a.practitioner().displayName.compareTo(b.practitioner().displayName);
        }
        return order != 0 ? order : a.practitioner().id.compareTo(b.practitioner().id);
    };

    /** Why a start time cannot be booked. */
    public enum Refusal {
        TOO_SOON("Starts sooner than the minimum notice allows"),
        BEYOND_HORIZON("Starts beyond the booking horizon"),
        OUTSIDE_HOURS("Not a start time within the practitioner's working hours at this location"),
        TIME_OFF("The practitioner is away at that time"),
        TAKEN("The practitioner is already booked at that time");

        public final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }
    }

    @Inject BookingRules rules;
    @Inject Clock clock;
    @Inject CatalogSnapshot catalog;
    @Inject AppointmentRepository appointments;

    /** Slots starting in [from, to), ordered by start, then practitioner name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Slot> find(AppointmentType type, Optional<Location> location, Optional<Practitioner> practitioner,
            Instant from, Instant to) {
        Instant now = clock.instant();
        Instant earliest = max(from, now.plus(rules.minimumNotice()));
        Instant latest = min(to, now.plus(rules.horizon()).plusNanos(1));
        if (!earliest.isBefore(latest)) {
            return List.of();
        }
        Duration duration = type.duration();
        Duration blocked = duration.plus(type.buffer());

        // Dates a day wider on each side: the local date depends on each location's zone.
        ZoneId zone = rules.defaultZone();
        LocalDate firstDay = earliest.atZone(zone).toLocalDate().minusDays(1);
        LocalDate lastDay = latest.atZone(zone).toLocalDate().plusDays(1);
        // The practitioners are those of the schedules: one without hours in the range has no slot in it.
        List<Schedule> inForce = catalog.schedules().stream()
                .filter(s -> s.practitioner.active && type.disciplines.contains(s.practitioner.discipline))
                .filter(s -> practitioner.isEmpty() || practitioner.get().id.equals(s.practitioner.id))
                .filter(s -> location.isEmpty() || location.get().id.equals(s.location.id))
                .filter(s -> !s.effectiveFrom.isAfter(lastDay)
                        && (s.effectiveTo == null || !s.effectiveTo.isBefore(firstDay)))
                .toList();
        if (inForce.isEmpty()) {
            return List.of();
        }
        Set<UUID> ids = inForce.stream().map(s -> s.practitioner.id).collect(Collectors.toSet());
        Instant awayUntil = latest.plus(duration);
        Map<UUID, List<TimeOff>> away = catalog.timeOff().stream()
                .filter(t -> ids.contains(t.practitioner.id) && t.startsAt.isBefore(awayUntil)
                        && t.endsAt.isAfter(earliest))
                .collect(Collectors.groupingBy(t -> t.practitioner.id));
        Map<UUID, List<BusyInterval>> busy = appointments.findBusy(ids, earliest, latest.plus(blocked), now).stream()
                .collect(Collectors.groupingBy(BusyInterval::practitionerId));

        List<Slot> slots = new ArrayList<>();
        for (Schedule schedule : inForce) {
            UUID practitionerId = schedule.practitioner.id;
            List<TimeOff> practitionerAway = away.getOrDefault(practitionerId, List.of());
            List<BusyInterval> practitionerBusy = busy.getOrDefault(practitionerId, List.of());
            ZoneId locationZone = schedule.location.zone();
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (!schedule.appliesOn(day)) {
                    continue;
                }
                SlotGrid.Window window = SlotGrid.window(day, schedule.startTime, schedule.endTime, locationZone);
                for (Instant start : SlotGrid.starts(window, duration, rules.slotStep(), earliest, latest)) {
                    Instant end = start.plus(duration);
                    if (!overlapsTimeOff(practitionerAway, start, end)
                            && !overlapsBusy(practitionerBusy, start, start.plus(blocked))) {
                        slots.add(new Slot(schedule.practitioner, schedule.location, start, end));
                    }
                }
            }
        }
        slots.sort(BY_START_THEN_PRACTITIONER);
        return slots;
    }

    /**
     * Why {@code start} is not a free slot for this booking, if it is not. {@code ignoredAppointment} is the
     * appointment being moved (or the hold being booked), whose own time does not count as taken.
     */
    public Optional<Refusal> refusal(AppointmentType type, Practitioner practitioner, Location location,
            Instant start, UUID ignoredAppointment) {
        return ruleRefusal(type, practitioner, location, start).or(() -> {
            Instant blockedUntil = start.plus(type.duration()).plus(type.buffer());
            return appointments.overlapsAnother(practitioner.id, start, blockedUntil,
                    ignoredAppointment == null ? new UUID(0, 0) : ignoredAppointment, clock.instant())
                            ? Optional.of(Refusal.TAKEN)
                            : Optional.empty();
        });
    }

    /**
     * Why {@code start} breaks the booking rules (notice, horizon, working hours, time off), if it does; whether
     * the time is taken is left to the caller. A new booking or hold leaves it to the exclusion constraint at
     * insert, which refuses an overlap with the same 409 and is the only check that holds under concurrency (a
     * pre-check here cost one query per booking and decided nothing: issue 12's profile).
     */
    public Optional<Refusal> ruleRefusal(AppointmentType type, Practitioner practitioner, Location location,
            Instant start) {
        Instant now = clock.instant();
        if (start.isBefore(now.plus(rules.minimumNotice()))) {
            return Optional.of(Refusal.TOO_SOON);
        }
        if (start.isAfter(now.plus(rules.horizon()))) {
            return Optional.of(Refusal.BEYOND_HORIZON);
        }
        ZoneId zone = location.zone();
        LocalDate day = start.atZone(zone).toLocalDate();
        boolean withinHours = catalog.hoursOn(practitioner.id, location.id, day).stream()
                .anyMatch(s -> SlotGrid.isStart(SlotGrid.window(day, s.startTime, s.endTime, zone), start,
                        type.duration(), rules.slotStep()));
        if (!withinHours) {
            return Optional.of(Refusal.OUTSIDE_HOURS);
        }
        if (catalog.away(practitioner.id, start, start.plus(type.duration()))) {
            return Optional.of(Refusal.TIME_OFF);
        }
        return Optional.empty();
    }

    private static boolean overlapsTimeOff(List<TimeOff> away, Instant start, Instant end) {
        for (TimeOff t : away) {
            if (t.startsAt.isBefore(end) && t.endsAt.isAfter(start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsBusy(List<BusyInterval> busy, Instant start, Instant blockedUntil) {
        for (BusyInterval b : busy) {
            if (b.start().isBefore(blockedUntil) && b.blockedUntil().isAfter(start)) {
                return true;
            }
        }
        return false;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
