package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.AppointmentFilter;
import ca.bim.clinic.booking.domain.AppointmentStatus;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Hold;
import ca.bim.clinic.booking.domain.IdempotencyRecord.Target;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.events.domain.EventTypes;
import ca.bim.clinic.booking.events.service.Outbox;
import ca.bim.clinic.booking.repository.AppointmentRepository;
import ca.bim.clinic.booking.repository.HoldRepository;
import ca.bim.clinic.booking.repository.WaitlistRepository;
import ca.bim.clinic.booking.service.WaitlistService.SlotFreed;
import ca.bim.clinic.common.error.Conflict;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.Gone;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Booking use cases. Each runs in one transaction, and each change writes its event to the outbox in that same
 * transaction (the client check against client-service happens before, outside it).
 */
@ApplicationScoped
public class AppointmentService {

    static final String NO_DOUBLE_BOOKING = "appointment_no_double_booking";

    /**
     * What to book; {@code clientId} is already resolved and checked for the caller. With {@code holdId} the hold
     * becomes the appointment; the other fields must then be the hold's.
     */
    public record NewAppointment(String appointmentType, UUID practitionerId, String location, Instant start,
            UUID clientId, UUID holdId) {

        public NewAppointment(String appointmentType, UUID practitionerId, String location, Instant start,
                UUID clientId) {
            this(appointmentType, practitionerId, location, start, clientId, null);
        }
    }

    /** The booked appointment, and whether it was replayed for a retried Idempotency-Key. */
    public record Booking(Appointment appointment, boolean replayed) {
    }

    /** The catalogue entries a booking or hold request names, checked for the caller. */
    record Resolved(AppointmentType type, Practitioner practitioner, Location location) {
    }

    @Inject AppointmentRepository appointments;
    @Inject HoldRepository holds;
    @Inject IdempotencyKeys idempotency;
    @Inject CatalogLookup catalog;
    @Inject AvailabilityService availability;
    @Inject BookingRules rules;
    @Inject Clock clock;
    @Inject Outbox outbox;
    @Inject ClientStandings standings;
    @Inject WaitlistRepository waitlist;
    @Inject Event<SlotFreed> freed;

    @Transactional
    public Booking book(NewAppointment request, Caller caller, String idempotencyKey) {
        Resolved what = resolve(request, caller);
        Instant now = clock.instant();
        UUID appointmentId = request.holdId() == null ? UUID.randomUUID() : request.holdId();
        // Claimed before the slot is checked: a retry gets the booking the first request made.
        Optional<UUID> earlier = idempotency.claim(caller, idempotencyKey, Target.APPOINTMENT,
                fingerprint(what, request) + (request.holdId() == null ? "" : "|" + request.holdId()), appointmentId,
                now, "booking");
        if (earlier.isPresent()) {
            return new Booking(appointments.findDetailed(earlier.get()).orElseThrow(), true);
        }
        if (request.holdId() != null) {
            return bookHold(request, what, caller, now);
        }
        // Taken or not is the exclusion constraint's answer at insert.
        availability.ruleRefusal(what.type(), what.practitioner(), what.location(), request.start())
                .ifPresent(refusal -> {
                    throw new Conflict("Slot not available", refusal.detail);
                });
        return new Booking(insert(appointmentId, what, request.clientId(), request.start(), caller.subject(), now,
                null), false);
    }

    /**
     * Writes a booked appointment and its event; the exclusion constraint refuses it (409) if anything live
     * overlaps it. Expired holds in its way are cleared first, in this transaction.
     */
    Appointment insert(UUID id, Resolved what, UUID clientId, Instant start, String bookedBy, Instant now,
            UUID seriesId) {
        Appointment appointment = new Appointment();
        appointment.claim(id, what.type(), what.practitioner(), what.location(), clientId, start, bookedBy, now);
        appointment.status = AppointmentStatus.BOOKED;
        appointment.seriesId = seriesId;

        appointments.clearExpiredHolds(appointment.practitioner.id, appointment.startsAt, appointment.blockedUntil,
                now);
        appointments.persist(appointment);
        Persistence.flush(appointments.getEntityManager(), Map.of(NO_DOUBLE_BOOKING, AppointmentService::taken));
        outbox.booked(appointment);
        return appointment;
    }

    /**
     * Turns a live hold into the appointment: the same row goes from HELD to BOOKED under its row lock, so the slot
     * is never free in between and a second request for the same hold finds it booked and gets that appointment.
     */
    private Booking bookHold(NewAppointment request, Resolved what, Caller caller, Instant now) {
        Hold hold = holds.findDetailedForUpdate(request.holdId())
                .filter(h -> mayActFor(h.clientId, h.bookedBy, caller))
                .orElseThrow(() -> new NotFound("No hold with id " + request.holdId()));
        if (!hold.clientId.equals(request.clientId()) || !hold.type.id.equals(what.type().id)
                || !hold.practitioner.id.equals(what.practitioner().id) || !hold.location.id.equals(what.location().id)
                || !hold.startsAt.equals(request.start())) {
            throw DomainException.unprocessable("The booking does not match hold " + hold.id
                    + ": appointment type, practitioner, location, start and client must be the hold's");
        }
        switch (hold.state(now)) {
            case "booked" -> {
                return new Booking(appointments.findDetailed(hold.id).orElseThrow(), true);
            }
            case "released" -> throw new Gone("Hold " + hold.id + " was released");
            case "expired" -> throw new Gone("Hold " + hold.id + " expired at "
                    + hold.expiresAt + "; book the slot without it if it is still free");
            default -> {
            }
        }
        hold.status = AppointmentStatus.BOOKED.name();
        hold.bookedBy = caller.subject();
        hold.updatedAt = now;
        Persistence.flush(holds.getEntityManager(), Map.of());
        waitlist.fulfil(hold.id, now);
        Appointment appointment = appointments.findDetailed(hold.id).orElseThrow();
        outbox.booked(appointment);
        return new Booking(appointment, false);
    }

    /** The type, practitioner and location named by a booking or hold request, if this caller may book them. */
    Resolved resolve(NewAppointment request, Caller caller) {
        Resolved what = catalog.bookable(request.appointmentType(), request.practitionerId(), request.location())
                .orElseGet(() -> resolveEach(request));
        AppointmentType type = what.type();
        if (!type.disciplines.contains(what.practitioner().discipline)) {
            throw DomainException.unprocessable(what.practitioner().displayName + " does not offer " + type.name);
        }
        if (!type.onlineBookable && !caller.isStaff()) {
            throw DomainException.forbidden(type.name + " is booked through the clinic's front desk only");
        }
        return what;
    }

    /** One lookup each, for the location given by code or for the answer that says which one is unknown. */
    private Resolved resolveEach(NewAppointment request) {
        AppointmentType type = catalog.activeType(request.appointmentType())
                .orElseThrow(() -> DomainException.unprocessable("Unknown appointment type " + request.appointmentType()));
        Practitioner practitioner = catalog.practitioner(request.practitionerId()).filter(p -> p.active)
                .orElseThrow(() -> DomainException.unprocessable("Unknown practitioner " + request.practitionerId()));
        Location location = catalog.location(request.location())
                .orElseThrow(() -> DomainException.unprocessable("Unknown location " + request.location()));
        return new Resolved(type, practitioner, location);
    }

    /**
     * What makes two booking requests "the same" for an Idempotency-Key: resolved ids, start and client. Holds and
     * series add what is theirs to it.
     */
    static String fingerprint(Resolved what, NewAppointment request) {
        return what.type().id + "|" + what.practitioner().id + "|" + what.location().id + "|" + request.start() + "|"
                + request.clientId();
    }

    /** The appointment if the caller may see it; 404 otherwise, so others' appointments are not revealed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Appointment visible(UUID id, Caller caller) {
        return appointments.findDetailed(id).filter(a -> canSee(a, caller))
                .orElseThrow(() -> new NotFound("No appointment with id " + id));
    }

    public PanacheQuery<Appointment> list(AppointmentFilter requested, Caller caller) {
        AppointmentFilter filter = requested;
        if (caller.isStaff()) {
            return appointments.search(filter);
        }
        if (caller.isClient()) {
            UUID own = caller.requireClientId();
            if (filter.clientId() != null && !filter.clientId().equals(own)) {
                throw DomainException.forbidden("Clients can only list their own appointments");
            }
            return appointments.search(withClient(filter, own));
        }
        if (caller.isPartner()) {
            return appointments.search(new AppointmentFilter(filter.clientId(), filter.practitionerId(),
                    filter.locationId(), filter.from(), filter.to(), filter.status(), caller.subject()), true);
        }
        Practitioner self = catalog.practitionerOf(caller).orElseThrow(
                () -> DomainException.forbidden("No practitioner record is linked to user " + caller.username()));
        if (filter.practitionerId() != null && !filter.practitionerId().equals(self.id)) {
            throw DomainException.forbidden("Practitioners can only list their own appointments");
        }
        return appointments.search(new AppointmentFilter(filter.clientId(), self.id, filter.locationId(),
                filter.from(), filter.to(), filter.status(), null));
    }

    /** Moves a booked appointment; the old time stays booked unless the new one can be taken. */
    @Transactional
    public Appointment reschedule(UUID id, Instant newStart, UUID newPractitionerId, String newLocation,
            Caller caller) {
        Appointment appointment = visible(id, caller);
        requireManageable(appointment, caller);
        requireStatus(appointment, AppointmentStatus.BOOKED, "reschedule");
        if (!caller.isStaff() && insideCancellationWindow(appointment)) {
            throw DomainException.conflict("Appointments inside the " + hours() + "-hour cancellation window can only"
                    + " be moved by the clinic; please call the front desk");
        }
        Practitioner practitioner = newPractitionerId == null ? appointment.practitioner
                : catalog.practitioner(newPractitionerId).filter(p -> p.active)
                        .orElseThrow(() -> DomainException.unprocessable("Unknown practitioner " + newPractitionerId));
        Location location = newLocation == null ? appointment.location
                : catalog.location(newLocation)
                        .orElseThrow(() -> DomainException.unprocessable("Unknown location " + newLocation));
        AppointmentType type = appointment.type;
        if (!type.onlineBookable && !caller.isStaff()) {
            // Staff-only stays staff-only: whoever could not book it cannot move it either.
            throw DomainException.forbidden(type.name + " is moved through the clinic's front desk only");
        }
        if (!type.disciplines.contains(practitioner.discipline)) {
            throw DomainException.unprocessable(practitioner.displayName + " does not offer " + type.name);
        }
        availability.refusal(type, practitioner, location, newStart, appointment.id).ifPresent(refusal -> {
            throw new Conflict("Slot not available", refusal.detail);
        });
        appointments.clearExpiredHolds(practitioner.id, newStart, newStart.plus(type.duration()).plus(type.buffer()),
                clock.instant());
        SlotFreed previous = new SlotFreed(appointment.practitioner.id, appointment.startsAt,
                appointment.blockedUntil, 1);
        Instant previousStart = appointment.startsAt;
        Instant previousEnd = appointment.endsAt;
        java.time.ZoneId previousZone = appointment.location.zone();
        appointment.practitioner = practitioner;
        appointment.location = location;
        appointment.startsAt = newStart;
        appointment.endsAt = newStart.plus(type.duration());
        appointment.blockedUntil = appointment.endsAt.plus(type.buffer());
        appointment.updatedAt = clock.instant();
        Persistence.flush(appointments.getEntityManager(), Map.of(NO_DOUBLE_BOOKING, AppointmentService::taken));
        outbox.rescheduled(appointment, previousStart, previousEnd, previousZone);
        freed.fire(previous);
        return appointment;
    }

    /** Cancels; inside the cancellation window it is a late cancellation unless staff waive it. */
    @Transactional
    public Appointment cancel(UUID id, String reason, boolean waiveLate, Caller caller) {
        Appointment appointment = visible(id, caller);
        requireManageable(appointment, caller);
        if (waiveLate && !caller.isStaff()) {
            throw DomainException.forbidden("Only clinic staff can waive a late cancellation");
        }
        requireStatus(appointment, AppointmentStatus.BOOKED, "cancel");
        Instant now = clock.instant();
        if (!now.isBefore(appointment.startsAt)) {
            throw DomainException.conflict("The appointment has already started; record a no-show instead");
        }
        appointment.status = AppointmentStatus.CANCELLED;
        appointment.lateCancellation = insideCancellationWindow(appointment) && !waiveLate;
        appointment.cancellationReason = reason;
        appointment.cancelledAt = now;
        appointment.updatedAt = now;
        Persistence.flush(appointments.getEntityManager(), Map.of());
        outbox.cancelled(appointment);
        freed.fire(new SlotFreed(appointment.practitioner.id, appointment.startsAt, appointment.blockedUntil, 1));
        return appointment;
    }

    @Transactional
    public Appointment checkIn(UUID id, Caller caller) {
        return attend(id, caller, AppointmentStatus.CHECKED_IN, "check in");
    }

    @Transactional
    public Appointment complete(UUID id, Caller caller) {
        return attend(id, caller, AppointmentStatus.COMPLETED, "complete");
    }

    @Transactional
    public Appointment noShow(UUID id, Caller caller) {
        Appointment appointment = visible(id, caller);
        if (clock.instant().isBefore(appointment.startsAt)) {
            requireStaffOrOwnPractitioner(appointment, caller);
            throw DomainException.conflict("An appointment can be marked a no-show only once its start time has passed");
        }
        return attend(id, caller, AppointmentStatus.NO_SHOW, "mark as no-show");
    }

    private Appointment attend(UUID id, Caller caller, AppointmentStatus next, String action) {
        Appointment appointment = visible(id, caller);
        requireStaffOrOwnPractitioner(appointment, caller);
        if (!appointment.status.canBecome(next)) {
            throw DomainException.conflict("Cannot " + action + " an appointment that is " + appointment.status);
        }
        if (next == AppointmentStatus.CHECKED_IN && !onItsLocalDay(appointment)) {
            throw DomainException.conflict("An appointment can be checked in only on its day ("
                    + appointment.startsAt.atZone(appointment.location.zone()).toLocalDate() + " at the location)");
        }
        appointment.status = next;
        appointment.updatedAt = clock.instant();
        Persistence.flush(appointments.getEntityManager(), Map.of());
        outbox.statusChanged(switch (next) {
            case CHECKED_IN -> EventTypes.CHECKED_IN;
            case COMPLETED -> EventTypes.COMPLETED;
            case NO_SHOW -> EventTypes.NO_SHOW;
            default -> throw new IllegalArgumentException("no event for " + next);
        }, appointment);
        return appointment;
    }

    private boolean canSee(Appointment appointment, Caller caller) {
        if (caller.isStaff() || caller.isClient() || caller.isPartner()) {
            return mayActFor(appointment.clientId, appointment.bookedBy, caller);
        }
        return caller.isTherapist() && isOwnPractitioner(appointment, caller);
    }

    /**
     * Whether the caller may see and manage what was booked or held for this client by {@code bookedBy}: staff
     * always, a client their own, a partner what it made for a client whose data-sharing consent is in force.
     */
    boolean mayActFor(UUID clientId, String bookedBy, Caller caller) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isClient()) {
            return clientId.equals(caller.requireClientId());
        }
        if (caller.isPartner()) {
            // Consent is checked where data leaves, not only at booking: withdrawn means gone for the partner.
            return bookedBy.equals(caller.subject()) && standings.sharesWithPartners(clientId);
        }
        return false;
    }

    private static boolean isOwnPractitioner(Appointment appointment, Caller caller) {
        return caller.username() != null && Objects.equals(appointment.practitioner.keycloakUsername, caller.username());
    }

    /** Clients, partners and staff manage bookings; a practitioner alone does not move or cancel them. */
    private static void requireManageable(Appointment appointment, Caller caller) {
        if (!(caller.isStaff() || caller.isClient() || caller.isPartner())) {
            throw DomainException.forbidden("Practitioners cannot move or cancel bookings; ask the front desk");
        }
    }

    private static void requireStaffOrOwnPractitioner(Appointment appointment, Caller caller) {
        if (!caller.isStaff() && !(caller.isTherapist() && isOwnPractitioner(appointment, caller))) {
            throw DomainException.forbidden("Only clinic staff or the appointment's practitioner can do this");
        }
    }

    private static void requireStatus(Appointment appointment, AppointmentStatus required, String action) {
        if (appointment.status != required) {
            throw DomainException.conflict("Cannot " + action + " an appointment that is " + appointment.status);
        }
    }

    /** Whether today, in the location's time zone, is the appointment's local date. */
    private boolean onItsLocalDay(Appointment appointment) {
        java.time.ZoneId zone = appointment.location.zone();
        return clock.instant().atZone(zone).toLocalDate().equals(appointment.startsAt.atZone(zone).toLocalDate());
    }

    private boolean insideCancellationWindow(Appointment appointment) {
        return clock.instant().plus(rules.cancellationWindow()).isAfter(appointment.startsAt);
    }

    private long hours() {
        return rules.cancellationWindow().toHours();
    }

    private static AppointmentFilter withClient(AppointmentFilter f, UUID clientId) {
        return new AppointmentFilter(clientId, f.practitionerId(), f.locationId(), f.from(), f.to(),
                f.status(), null);
    }

    static DomainException taken() {
        return new Conflict("Slot not available", AvailabilityService.Refusal.TAKEN.detail);
    }
}
