package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.config.CatalogConfig;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Schedule;
import ca.bim.clinic.booking.domain.TimeOff;
import ca.bim.clinic.booking.repository.AppointmentTypeRepository;
import ca.bim.clinic.booking.repository.ScheduleRepository;
import ca.bim.clinic.booking.repository.TimeOffRepository;
import ca.bim.clinic.common.persistence.AfterCommit;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Appointment types, weekly schedules (with their practitioners and locations) and time off, read together and
 * kept in memory for the availability search and a booking's rule check. Reading them on every request was half of
 * the availability search's own samples and a fifth of the booking service method's (JFR, docs/benchmarks.md
 * 2026-12-02); they change a few times a week.
 * <p>
 * A copy lives at most {@link CatalogConfig#refresh()}; an admin write through this replica drops it when its
 * transaction commits ({@link #changed()}), so the next request reads the change. Another replica's write shows
 * within the refresh time: a booking accepted there in that window is one that would have been accepted had it
 * arrived just before the change, and bookings that are already made are never undone by a schedule change either.
 * <p>
 * The entities are loaded in a transaction of their own and are detached when shared: read-only, never persisted,
 * merged or assigned to an entity that is written (associations of a written row come from its own session).
 */
@ApplicationScoped
public class CatalogSnapshot {

    /**
     * What one read saw; schedules and time off that ended before {@code since} are left out, so the copy serves
     * questions about {@code since} and later only. {@code readAt} is {@link System#nanoTime()}: the age of a copy is
     * not the clinic's clock, which tests set.
     */
    record Copy(Map<String, AppointmentType> types, List<Schedule> schedules, List<TimeOff> timeOff,
            Instant since, long readAt) {

        boolean serves(Instant from, long nanoTime, Duration refresh) {
            return !from.isBefore(since) && nanoTime - readAt < refresh.toNanos();
        }
    }

    @Inject AppointmentTypeRepository types;
    @Inject ScheduleRepository schedules;
    @Inject TimeOffRepository timeOff;
    @Inject CatalogConfig config;
    @Inject BookingRules rules;
    @Inject Clock clock;
    @Inject TransactionSynchronizationRegistry transactions;

    private volatile Copy current;
    /** Counts committed catalogue changes; a read that overlapped one is not kept. */
    private volatile long generation;

    /** The appointment type with this code if it is active. */
    public Optional<AppointmentType> activeType(String code) {
        return Optional.ofNullable(copy().types().get(code)).filter(t -> t.active);
    }

    /** Every schedule still in force from yesterday on (any practitioner, active or not), locations loaded. */
    public List<Schedule> schedules() {
        return copy().schedules();
    }

    /** Time off that ends after yesterday, of any practitioner. */
    public List<TimeOff> timeOff() {
        return copy().timeOff();
    }

    /**
     * The catalogue is being changed in the caller's transaction: the copy is dropped now and again once that
     * transaction commits, so no reader keeps what was read before the change.
     */
    public void changed() {
        current = null;
        AfterCommit.run(transactions, () -> {
            synchronized (this) {
                generation++;
                current = null;
            }
        });
    }

    private Copy copy() {
        Copy copy = current;
        // A day back, so that a slot or booking that started a moment ago still sees its day's schedule.
        Instant since = clock.instant().minus(Duration.ofDays(1));
        if (copy != null && copy.serves(since, System.nanoTime(), config.refresh())) {
            return copy;
        }
        long seen = generation;
        Copy read = read(since);
        synchronized (this) {
            if (generation == seen) {
                current = read;
            }
        }
        return read;
    }

    /** One short transaction of its own, so the entities are detached when it commits, whoever asked. */
    private Copy read(Instant since) {
        long readAt = System.nanoTime();
        // The earliest local date of any location (all are in the clinic's zone, a day earlier covers any other).
        LocalDate firstDay = since.atZone(rules.defaultZone()).toLocalDate().minusDays(1);
        return QuarkusTransaction.requiringNew().call(() -> new Copy(
                types.listAll().stream().collect(Collectors.toUnmodifiableMap(t -> t.code, Function.identity())),
                List.copyOf(schedules.findInForceFrom(firstDay)),
                List.copyOf(timeOff.findEndingAfter(since)),
                since, readAt));
    }

    /** Schedules of one practitioner at one location that apply on the day. */
    public List<Schedule> hoursOn(UUID practitionerId, UUID locationId, LocalDate day) {
        return schedules().stream()
                .filter(s -> s.practitioner.id.equals(practitionerId) && s.location.id.equals(locationId)
                        && s.appliesOn(day))
                .toList();
    }

    /** Whether the practitioner has time off overlapping [from, to). */
    public boolean away(UUID practitionerId, Instant from, Instant to) {
        for (TimeOff t : timeOff()) {
            if (t.practitioner.id.equals(practitionerId) && t.startsAt.isBefore(to) && t.endsAt.isAfter(from)) {
                return true;
            }
        }
        return false;
    }
}
