package ca.bim.clinic.booking.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Discipline;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.domain.Schedule;
import ca.bim.clinic.booking.domain.TimeOff;
import ca.bim.clinic.booking.repository.AppointmentRepository;
import ca.bim.clinic.booking.repository.AppointmentTypeRepository;
import ca.bim.clinic.booking.repository.PractitionerRepository;
import ca.bim.clinic.booking.repository.ScheduleRepository;
import ca.bim.clinic.booking.repository.TimeOffRepository;
import ca.bim.clinic.booking.service.WaitlistService.SlotFreed;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;

/** Admin use cases on practitioners, appointment types, weekly schedules and time off. */
@ApplicationScoped
public class CatalogAdminService {

    /** Fields an admin sets on a practitioner. */
    public record PractitionerData(String keycloakUsername, UUID subject, String displayName, Discipline discipline,
            String credentials, String bio, boolean active) {
    }

    /** Fields an admin sets on an appointment type (the code is fixed at creation). */
    public record AppointmentTypeData(String name, String description, int durationMinutes, int bufferMinutes,
            BigDecimal priceCad, Set<Discipline> disciplines, boolean onlineBookable, boolean active) {
    }

    /** One weekly working-hours entry. */
    public record ScheduleData(String location, DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime,
            LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    @Inject PractitionerRepository practitioners;
    @Inject AppointmentTypeRepository types;
    @Inject ScheduleRepository schedules;
    @Inject TimeOffRepository timeOff;
    @Inject AppointmentRepository appointments;
    @Inject CatalogLookup catalog;
    @Inject CatalogSnapshot snapshot;
    @Inject Clock clock;
    @Inject BookingRules rules;
    @Inject Event<SlotFreed> freed;

    @Transactional
    public Practitioner createPractitioner(PractitionerData data) {
        snapshot.changed();
        Practitioner practitioner = new Practitioner();
        practitioner.id = UUID.randomUUID();
        apply(practitioner, data);
        practitioners.persist(practitioner);
        flushPractitioner();
        return practitioner;
    }

    @Transactional
    public Practitioner updatePractitioner(UUID id, PractitionerData data) {
        snapshot.changed();
        Practitioner practitioner = practitioner(id);
        apply(practitioner, data);
        flushPractitioner();
        return practitioner;
    }

    @Transactional
    public AppointmentType createType(String code, AppointmentTypeData data) {
        snapshot.changed();
        AppointmentType type = new AppointmentType();
        type.id = UUID.randomUUID();
        type.code = code;
        apply(type, data);
        types.persist(type);
        Persistence.flush(types.getEntityManager(), Map.of("appointment_type_code_key",
                () -> DomainException.conflict("An appointment type with code " + code + " already exists")));
        return type;
    }

    @Transactional
    public AppointmentType updateType(String code, AppointmentTypeData data) {
        snapshot.changed();
        AppointmentType type = types.findByCode(code)
                .orElseThrow(() -> new NotFound("No appointment type with code " + code));
        apply(type, data);
        Persistence.flush(types.getEntityManager(), Map.of());
        return type;
    }

    @Transactional
    public Schedule addSchedule(UUID practitionerId, ScheduleData data) {
        snapshot.changed();
        Schedule schedule = new Schedule();
        schedule.id = UUID.randomUUID();
        schedule.practitioner = practitioner(practitionerId);
        apply(schedule, data);
        schedules.persist(schedule);
        flushSchedule();
        // New working hours: waiting clients may now get offers in them (each entry one, the oldest first).
        Instant now = clock.instant();
        freed.fire(new SlotFreed(practitionerId, now, now.plus(rules.horizon()), Integer.MAX_VALUE));
        return schedule;
    }

    @Transactional
    public Schedule updateSchedule(UUID practitionerId, UUID scheduleId, ScheduleData data) {
        snapshot.changed();
        Schedule schedule = schedule(practitionerId, scheduleId);
        apply(schedule, data);
        flushSchedule();
        return schedule;
    }

    /** Removes a weekly entry; appointments already booked in it stay booked. */
    @Transactional
    public void deleteSchedule(UUID practitionerId, UUID scheduleId) {
        snapshot.changed();
        schedules.delete(schedule(practitionerId, scheduleId));
    }

    @Transactional
    public TimeOff addTimeOff(UUID practitionerId, Instant start, Instant end, String reason) {
        snapshot.changed();
        if (!end.isAfter(start)) {
            throw DomainException.unprocessable("Time off must end after it starts");
        }
        Practitioner practitioner = practitioner(practitionerId);
        long booked = appointments.countActiveOverlapping(practitionerId, start, end);
        if (booked > 0) {
            throw DomainException.conflict(booked + " booked appointment(s) fall in this time off;"
                    + " reschedule or cancel them first");
        }
        TimeOff entry = new TimeOff();
        entry.id = UUID.randomUUID();
        entry.practitioner = practitioner;
        entry.startsAt = start;
        entry.endsAt = end;
        entry.reason = reason;
        timeOff.persist(entry);
        return entry;
    }

    @Transactional
    public void deleteTimeOff(UUID practitionerId, UUID timeOffId) {
        snapshot.changed();
        TimeOff entry = timeOff.findByIdOptional(timeOffId).filter(t -> t.practitioner.id.equals(practitionerId))
                .orElseThrow(() -> new NotFound("No time off with id " + timeOffId));
        timeOff.delete(entry);
    }

    public Practitioner practitioner(UUID id) {
        return practitioners.findByIdOptional(id)
                .orElseThrow(() -> new NotFound("No practitioner with id " + id));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(rules.defaultZone()));
    }

    private Schedule schedule(UUID practitionerId, UUID scheduleId) {
        return schedules.findByIdOptional(scheduleId).filter(s -> s.practitioner.id.equals(practitionerId))
                .orElseThrow(() -> new NotFound("No schedule with id " + scheduleId));
    }

    private void apply(Practitioner practitioner, PractitionerData data) {
        practitioner.keycloakUsername = data.keycloakUsername();
        practitioner.subject = data.subject();
        practitioner.displayName = data.displayName();
        practitioner.discipline = data.discipline();
        practitioner.credentials = data.credentials();
        practitioner.bio = data.bio();
        practitioner.active = data.active();
    }

    private static void apply(AppointmentType type, AppointmentTypeData data) {
        type.name = data.name();
        type.description = data.description();
        type.durationMinutes = data.durationMinutes();
        type.bufferMinutes = data.bufferMinutes();
        type.priceCad = data.priceCad();
        type.disciplines.clear();
        type.disciplines.addAll(EnumSet.copyOf(data.disciplines()));
        type.onlineBookable = data.onlineBookable();
        type.active = data.active();
    }

    private void apply(Schedule schedule, ScheduleData data) {
        if (!data.endTime().isAfter(data.startTime())) {
            throw DomainException.unprocessable("Working hours must end after they start, on the same day");
        }
        if (data.effectiveTo() != null && data.effectiveTo().isBefore(data.effectiveFrom())) {
            throw DomainException.unprocessable("effectiveTo must not be before effectiveFrom");
        }
        Location location = catalog.location(data.location())
                .orElseThrow(() -> DomainException.unprocessable("Unknown location " + data.location()));
        schedule.location = location;
        schedule.weekday = (short) data.dayOfWeek().getValue();
        schedule.startTime = data.startTime();
        schedule.endTime = data.endTime();
        schedule.effectiveFrom = data.effectiveFrom();
        schedule.effectiveTo = data.effectiveTo();
    }

    private void flushPractitioner() {
        Persistence.flush(practitioners.getEntityManager(), Map.of("practitioner_keycloak_username_key",
                () -> DomainException.conflict("Another practitioner is already linked to that Keycloak username"),
                "practitioner_subject_key",
                () -> DomainException.conflict("Another practitioner is already linked to that Keycloak subject")));
    }

    private void flushSchedule() {
        Persistence.flush(schedules.getEntityManager(), Map.of("schedule_no_overlap",
                () -> DomainException.conflict("These hours overlap another schedule entry of the practitioner;"
                        + " a practitioner cannot work at two places, or twice, at the same time")));
    }
}
