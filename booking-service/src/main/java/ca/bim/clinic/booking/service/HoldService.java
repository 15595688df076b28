package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import ca.bim.clinic.booking.config.HoldsConfig;
import ca.bim.clinic.booking.domain.Hold;
import ca.bim.clinic.booking.domain.IdempotencyRecord.Target;
import ca.bim.clinic.booking.repository.AppointmentRepository;
import ca.bim.clinic.booking.repository.HoldRepository;
import ca.bim.clinic.booking.service.AppointmentService.NewAppointment;
import ca.bim.clinic.booking.service.AppointmentService.Resolved;
import ca.bim.clinic.booking.service.WaitlistService.SlotFreed;
import ca.bim.clinic.common.error.Conflict;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.security.Caller;

/**
 * Slot holds: same callers and rules as booking. The exclusion constraint on the appointment table keeps a held
 * slot from anyone else (see migration V10); an expired hold frees its slot by itself.
 */
@ApplicationScoped
public class HoldService {

    /** The hold, and whether it was replayed for a retried Idempotency-Key. */
    public record Placed(Hold hold, boolean replayed) {
    }

    private final AppointmentService appointmentService;
    private final AvailabilityService availability;
    private final AppointmentRepository appointments;
    private final HoldRepository holds;
    private final HoldsConfig config;
    private final Clock clock;
    private final Event<SlotFreed> freed;
    private final IdempotencyKeys idempotency;

    HoldService(AppointmentService appointmentService, AvailabilityService availability,
            AppointmentRepository appointments, HoldRepository holds, HoldsConfig config, Clock clock,
            Event<SlotFreed> freed, IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
        this.freed = freed;
        this.appointmentService = appointmentService;
        this.availability = availability;
        this.appointments = appointments;
        this.holds = holds;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public Placed hold(NewAppointment request, Caller caller, String idempotencyKey) {
        Resolved what = appointmentService.resolve(request, caller);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim(caller, idempotencyKey, Target.APPOINTMENT,
                AppointmentService.fingerprint(what, request) + "|hold", id, now, "hold");
        if (earlier.isPresent()) {
            return new Placed(holds.findDetailed(earlier.get()).orElseThrow(), true);
        }
        // As for a booking: taken or not is the exclusion constraint's answer at insert.
        availability.ruleRefusal(what.type(), what.practitioner(), what.location(), request.start())
                .ifPresent(refusal -> {
                    throw new Conflict("Slot not available", refusal.detail);
                });
        return new Placed(place(id, what, request.clientId(), request.start(), caller.subject(), now), false);
    }

    /** Writes the hold; the exclusion constraint refuses it (409) if anything live overlaps it. */
    Hold place(UUID id, Resolved what, UUID clientId, Instant start, String heldBy, Instant now) {
        Hold hold = new Hold();
        hold.claim(id, what.type(), what.practitioner(), what.location(), clientId, start, heldBy, now);
        hold.status = Hold.HELD;
        hold.expiresAt = now.plus(config.duration());
        appointments.clearExpiredHolds(hold.practitioner.id, hold.startsAt, hold.blockedUntil, now);
        holds.persist(hold);
        Persistence.flush(holds.getEntityManager(),
                Map.of(AppointmentService.NO_DOUBLE_BOOKING, AppointmentService::taken));
        return hold;
    }

    /** The hold if the caller may see it (the same people as its booking); 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Hold visible(UUID id, Caller caller) {
        return holds.findDetailed(id).filter(h -> appointmentService.mayActFor(h.clientId, h.bookedBy, caller))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Gives the slot back. Releasing a hold that is already released or expired changes nothing; a hold that was
     * booked is an appointment now and is cancelled as one.
     */
    @Transactional
    public Hold release(UUID id, Caller caller) {
        Hold hold = holds.findDetailedForUpdate(id)
                .filter(h -> appointmentService.mayActFor(h.clientId, h.bookedBy, caller))
                .orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        if ("booked".equals(hold.state(now))) {
            throw DomainException.conflict("Hold " + id + " was booked; cancel appointment " + id + " instead");
        }
        if (Hold.HELD.equals(hold.status)) {
            hold.status = hold.isLive(now) ? Hold.RELEASED : Hold.EXPIRED;
            hold.updatedAt = now;
            Persistence.flush(holds.getEntityManager(), Map.of());
            freed.fire(new SlotFreed(hold.practitioner.id, hold.startsAt, hold.blockedUntil, 1));
        }
        return hold;
    }

    public Instant now() {
        return clock.instant();
    }

    private static DomainException notFound(UUID id) {
        return new NotFound("No hold with id " + id);
    }
}
