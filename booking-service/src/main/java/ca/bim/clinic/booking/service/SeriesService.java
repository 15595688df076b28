package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.AppointmentSeries;
import ca.bim.clinic.booking.domain.AppointmentSeries.Recurrence;
import ca.bim.clinic.booking.domain.AppointmentStatus;
import ca.bim.clinic.booking.domain.IdempotencyRecord.Target;
import ca.bim.clinic.booking.repository.AppointmentRepository;
import ca.bim.clinic.booking.repository.AppointmentSeriesRepository;
import ca.bim.clinic.booking.service.AppointmentService.NewAppointment;
import ca.bim.clinic.booking.service.AppointmentService.Resolved;
import ca.bim.clinic.common.error.Conflict;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.security.Caller;

/**
 * Recurring series: every occurrence is an ordinary appointment (own id, own events) naming its series. Booked in
 * one transaction, all or none; the exclusion constraint still decides each occurrence under races.
 */
@ApplicationScoped
public class SeriesService {

    public static final int MAX_OCCURRENCES = 12;

    /** A series and its occurrences, in order. */
    public record Series(AppointmentSeries series, List<Appointment> occurrences) {
    }

    /** An occurrence that cannot be booked, why, and the nearest free start that day with the same practitioner. */
    public record Conflict(Instant start, String reason, Optional<Instant> alternative) {
    }

    /** Nothing was booked because of these occurrences (a 409 problem listing them). */
    public static class SeriesConflictException extends RuntimeException {

        private final transient List<Conflict> conflicts;
        private final transient ZoneId zone;

        SeriesConflictException(List<Conflict> conflicts, ZoneId zone) {
            super(conflicts.size() + " of the series' occurrences cannot be booked, so none was; each is listed "
                    + "with the nearest free start that day");
            this.conflicts = List.copyOf(conflicts);
            this.zone = zone;
        }

        public List<Conflict> conflicts() {
            return conflicts;
        }

        public ZoneId zone() {
            return zone;
        }
    }

    private final AppointmentService appointmentService;
    private final AvailabilityService availability;
    private final AppointmentRepository appointments;
    private final AppointmentSeriesRepository series;
    private final Clock clock;
    private final IdempotencyKeys idempotency;

    SeriesService(AppointmentService appointmentService, AvailabilityService availability,
            AppointmentRepository appointments, AppointmentSeriesRepository series, Clock clock,
            IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.appointmentService = appointmentService;
        this.availability = availability;
        this.appointments = appointments;
        this.series = series;
        this.clock = clock;
    }

    /** The local start times of a series: the first one's wall-clock time on every step, whatever the UTC offset. */
    static List<Instant> starts(Instant first, ZoneId zone, Recurrence recurrence, int count) {
        LocalDateTime local = first.atZone(zone).toLocalDateTime();
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(local.plus(recurrence.step.multipliedBy(i)).atZone(zone).toInstant());
        }
        return starts;
    }

    /**
     * {@code request.start()} is the first occurrence; all are booked or none is. A retry with the same
     * Idempotency-Key and request gets the series the first one booked, whatever has happened to it since.
     */
    @Transactional
    public Replayable<Series> book(NewAppointment request, Recurrence recurrence, int count, Caller caller,
            String idempotencyKey) {
        if (count < 1 || count > MAX_OCCURRENCES) {
            throw DomainException.unprocessable("A series has 1 to " + MAX_OCCURRENCES + " occurrences");
        }
        Resolved what = appointmentService.resolve(request, caller);
        Instant now = clock.instant();
        UUID seriesId = UUID.randomUUID();
        // Claimed before the occurrences are checked: a retry must not find its own bookings in the way.
        Optional<UUID> earlier = idempotency.claim(caller, idempotencyKey, Target.SERIES,
                AppointmentService.fingerprint(what, request) + "|series|" + recurrence + "|" + count, seriesId, now,
                "series");
        if (earlier.isPresent()) {
            AppointmentSeries first = series.findDetailed(earlier.get()).orElseThrow();
            return new Replayable<>(new Series(first, appointments.findInSeries(first.id)), true);
        }
        ZoneId zone = what.location().zone();
        List<Instant> starts = starts(request.start(), zone, recurrence, count);
        List<Conflict> conflicts = new ArrayList<>();
        for (Instant start : starts) {
            availability.refusal(what.type(), what.practitioner(), what.location(), start, null)
                    .ifPresent(refusal -> conflicts.add(new Conflict(start, refusal.detail,
                            nearestFree(what, start, zone))));
        }
        if (!conflicts.isEmpty()) {
            throw new SeriesConflictException(conflicts, zone);
        }
        AppointmentSeries created = new AppointmentSeries();
        created.id = seriesId;
        created.clientId = request.clientId();
        created.type = what.type();
        created.practitioner = what.practitioner();
        created.location = what.location();
        created.recurrence = recurrence;
        created.occurrences = (short) count;
        created.localStartTime = request.start().atZone(zone).toLocalTime();
        created.bookedBy = caller.subject();
        created.createdAt = now;
        series.persist(created);
        List<Appointment> booked = new ArrayList<>();
        for (Instant start : starts) {
            booked.add(appointmentService.insert(UUID.randomUUID(), what, request.clientId(), start,
                    caller.subject(), now, created.id));
        }
        return new Replayable<>(new Series(created, booked), false);
    }

    /** The free start that day (location's calendar) with the same practitioner and location closest to {@code wanted}. */
    private Optional<Instant> nearestFree(Resolved what, Instant wanted, ZoneId zone) {
        LocalDate day = wanted.atZone(zone).toLocalDate();
        return availability.find(what.type(), Optional.of(what.location()), Optional.of(what.practitioner()),
                day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .map(AvailabilityService.Slot::start)
                .min(Comparator.comparing((Instant s) -> Duration.between(s, wanted).abs()).thenComparing(s -> s));
    }

    /** The series if the caller may see it (the same people as its appointments, less practitioners); 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Series visible(UUID id, Caller caller) {
        AppointmentSeries found = series.findDetailed(id)
                .filter(s -> appointmentService.mayActFor(s.clientId, s.bookedBy, caller))
                .orElseThrow(() -> new NotFound("No appointment series with id " + id));
        return new Series(found, appointments.findInSeries(id));
    }

    /**
     * Cancels the occurrence {@code from} and every later one that is still booked and has not started ("this and
     * following"); all of them from the first upcoming booked one when {@code from} is absent. Each cancellation is
     * an ordinary one (late inside the window unless staff waive it), all in one transaction.
     */
    @Transactional
    public Series cancelFrom(UUID id, Optional<UUID> from, String reason, boolean waiveLate, Caller caller) {
        Series found = visible(id, caller);
        Instant now = clock.instant();
        Instant threshold = from.map(occurrence -> found.occurrences().stream()
                .filter(a -> a.id.equals(occurrence)).findFirst()
                .orElseThrow(() -> DomainException.unprocessable("Appointment " + occurrence
                        + " is not an occurrence of series " + id)).startsAt)
                .orElse(now);
        for (Appointment occurrence : found.occurrences()) {
            if (!occurrence.startsAt.isBefore(threshold) && occurrence.startsAt.isAfter(now)
                    && occurrence.status == AppointmentStatus.BOOKED) {
                appointmentService.cancel(occurrence.id, reason, waiveLate, caller);
            }
        }
        return new Series(found.series(), appointments.findInSeries(id));
    }
}
