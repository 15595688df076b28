package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Hold;
import ca.bim.clinic.booking.domain.IdempotencyRecord.Target;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.domain.WaitlistEntry;
import ca.bim.clinic.booking.events.service.Outbox;
import ca.bim.clinic.booking.repository.HoldRepository;
import ca.bim.clinic.booking.repository.WaitlistRepository;
import ca.bim.clinic.booking.service.AppointmentService.Resolved;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The waitlist. When time of a practitioner frees up (a cancellation, a reschedule, a released or expired hold, new
 * working hours: a {@link SlotFreed} after its transaction committed), the oldest waiting entries that match get a
 * hold on a free slot in that time and a waitlist.offered event, each in a transaction of its own. An offer that
 * expires unbooked frees its slot again, so the next entry gets it; only that needs the periodic sweep.
 */
@ApplicationScoped
public class WaitlistService {

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);
    private static final int BATCH = 100;

    /**
     * Time of a practitioner that may have free slots now; {@code offers} is how many entries may get one (1 for a
     * freed appointment or hold, more for new working hours).
     */
    public record SlotFreed(UUID practitionerId, Instant from, Instant to, int offers) {
    }

    /** What a new entry waits for; {@code clientId} is already resolved and checked for the caller. */
    public record NewEntry(String appointmentType, Optional<UUID> practitionerId, Optional<String> location,
            LocalDate fromDate, LocalDate toDate, LocalTime fromTime, LocalTime toTime, Set<DayOfWeek> weekdays,
            UUID clientId) {
    }

    @Inject WaitlistRepository waitlist;
    @Inject HoldRepository holds;
    @Inject HoldService holdService;
    @Inject AppointmentService appointmentService;
    @Inject AvailabilityService availability;
    @Inject CatalogLookup catalog;
    @Inject Outbox outbox;
    @Inject BookingRules rules;
    @Inject Clock clock;
    @Inject IdempotencyKeys idempotency;

    /** A retry with the same Idempotency-Key and request gets the entry the first one made, whatever its status now. */
    @Transactional
    public Replayable<WaitlistEntry> add(NewEntry request, Caller caller, String idempotencyKey) {
        AppointmentType type = catalog.activeType(request.appointmentType())
                .orElseThrow(() -> DomainException.unprocessable("Unknown appointment type " + request.appointmentType()));
        if (!type.onlineBookable && !caller.isStaff()) {
            throw DomainException.forbidden(type.name + " is booked through the clinic's front desk only");
        }
        Practitioner practitioner = request.practitionerId().map(id -> catalog.practitioner(id).filter(p -> p.active)
                .orElseThrow(() -> DomainException.unprocessable("Unknown practitioner " + id))).orElse(null);
        if (practitioner != null && !type.disciplines.contains(practitioner.discipline)) {
            throw DomainException.unprocessable(practitioner.displayName + " does not offer " + type.name);
        }
        Location location = request.location().map(code -> catalog.location(code)
                .orElseThrow(() -> DomainException.unprocessable("Unknown location " + code))).orElse(null);
        LocalDate today = clock.instant().atZone(rules.defaultZone()).toLocalDate();
        if (request.toDate().isBefore(request.fromDate()) || request.toDate().isBefore(today)) {
            throw DomainException.unprocessable("The window's dates must run forward and not lie in the past");
        }
        if (!request.toTime().isAfter(request.fromTime())) {
            throw DomainException.unprocessable("The window's times of day must run forward (toTime after fromTime)");
        }
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotency.claim(caller, idempotencyKey, Target.WAITLIST_ENTRY, String.join("|",
                "waitlist", type.id.toString(), practitioner == null ? "-" : practitioner.id.toString(),
                location == null ? "-" : location.id.toString(), request.fromDate().toString(),
                request.toDate().toString(), request.fromTime().toString(), request.toTime().toString(),
                request.weekdays().stream().sorted().toList().toString(), request.clientId().toString()),
                id, clock.instant(), "waitlist");
        if (earlier.isPresent()) {
            return new Replayable<>(waitlist.findDetailed(earlier.get()).orElseThrow(), true);
        }
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = id;
        entry.clientId = request.clientId();
        entry.createdBy = caller.subject();
        entry.type = type;
        entry.practitioner = practitioner;
        entry.location = location;
        entry.fromDate = request.fromDate();
        entry.toDate = request.toDate();
        entry.fromTime = request.fromTime();
        entry.toTime = request.toTime();
        entry.weekdaySet(request.weekdays());
        entry.status = WaitlistEntry.WAITING;
        entry.createdAt = clock.instant();
        waitlist.persist(entry);
        return new Replayable<>(entry, false);
    }

    /** Clients see their own entries, partners those they made for clients sharing data, staff all. */
    public PanacheQuery<WaitlistEntry> list(Caller caller) {
        if (caller.isStaff()) {
            return waitlist.search(null, null);
        }
        if (caller.isClient()) {
            return waitlist.search(caller.requireClientId(), null);
        }
        return waitlist.search(null, caller.subject());
    }

    /** The entry if the caller may see it (the same people as a booking for its client); 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WaitlistEntry visible(UUID id, Caller caller) {
        return waitlist.findDetailed(id)
                .filter(e -> appointmentService.mayActFor(e.clientId, e.createdBy, caller))
                .orElseThrow(() -> new NotFound("No waitlist entry with id " + id));
    }

    /** Takes the entry off the list; a live offer it holds is released, so the next entry can get the slot. */
    @Transactional
    public void remove(UUID id, Caller caller) {
        WaitlistEntry entry = visible(id, caller);
        if (WaitlistEntry.WAITING.equals(entry.status)) {
            entry.status = WaitlistEntry.REMOVED;
            entry.endedAt = clock.instant();
            waitlist.liveOffer(entry.id, clock.instant()).ifPresent(hold -> holdService.release(hold, caller));
        }
    }

    public LocalDate today() {
        return clock.instant().atZone(rules.defaultZone()).toLocalDate();
    }

    /** After the transaction that freed the time committed: offers it, in a transaction of its own. */
    void onSlotFreed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SlotFreed freed) {
        try {
            QuarkusTransaction.requiringNew().run(() -> offer(freed));
        } catch (RuntimeException e) {
            // The waitlist never fails the change that freed the time; the next freed time or sweep tries again.
            LOG.warnf("waitlist offer for practitioner %s failed: %s", freed.practitionerId(), e.toString());
        }
    }

    /** Offers free slots in the freed time to the oldest matching waiting entries; returns how many were offered. */
    @Transactional(Transactional.TxType.MANDATORY)
    int offer(SlotFreed freed) {
        Practitioner practitioner = catalog.practitioner(freed.practitionerId()).filter(p -> p.active).orElse(null);
        if (practitioner == null) {
            return 0;
        }
        Instant now = clock.instant();
        ZoneId zone = rules.defaultZone();
        // A day wider on each side: each location's zone decides its local date.
        LocalDate firstDay = freed.from().atZone(zone).toLocalDate().minusDays(1);
        LocalDate lastDay = freed.to().atZone(zone).toLocalDate().plusDays(1);
        int offered = 0;
        for (WaitlistEntry entry : waitlist.lockWaiting(practitioner.id, firstDay, lastDay, now, BATCH)) {
            if (offered >= freed.offers()) {
                break;
            }
            if (!entry.type.active || !entry.type.disciplines.contains(practitioner.discipline)) {
                continue;
            }
            Optional<AvailabilityService.Slot> slot = availability.find(entry.type,
                    Optional.ofNullable(entry.location), Optional.of(practitioner), freed.from(), freed.to()).stream()
                    .filter(s -> fits(entry, s))
                    .filter(s -> !waitlist.wasOffered(entry.id, practitioner.id, s.start(),
                            s.end().plus(entry.type.buffer())))
                    .findFirst();
            if (slot.isPresent()) {
                Hold hold = holdService.place(UUID.randomUUID(),
                        new Resolved(entry.type, practitioner, slot.get().location()), entry.clientId,
                        slot.get().start(), entry.createdBy, now);
                waitlist.recordOffer(hold.id, entry.id, practitioner.id, hold.startsAt, now);
                outbox.waitlistOffered(hold, entry.id);
                offered++;
            }
        }
        return offered;
    }

    private static boolean fits(WaitlistEntry entry, AvailabilityService.Slot slot) {
        ZoneId zone = slot.location().zone();
        ZonedDateTime start = slot.start().atZone(zone);
        ZonedDateTime end = slot.end().atZone(zone);
        return start.toLocalDate().equals(end.toLocalDate())
                && entry.accepts(start.toLocalDate(), start.toLocalTime(), end.toLocalTime());
    }

    @Scheduled(identity = "booking-hold-sweep", every = "${booking.holds.sweep-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("hold sweep failed: %s", e.toString());
        }
    }

    /**
     * Marks expired holds EXPIRED and offers their time to the next waiting entries; ends entries whose window is
     * over. The slots themselves never wait for this: an expired hold is free the moment it expires.
     */
    public int sweep() {
        Instant now = clock.instant();
        List<SlotFreed> freed = QuarkusTransaction.requiringNew().call(() -> {
            waitlist.expireEnded(today(), clock.instant());
            List<SlotFreed> found = new ArrayList<>();
            for (UUID id : holds.expireDue(now, BATCH)) {
                holds.findDetailed(id).ifPresent(h -> found.add(
                        new SlotFreed(h.practitioner.id, h.startsAt, h.blockedUntil, 1)));
            }
            return found;
        });
        int offered = 0;
        for (SlotFreed f : freed) {
            offered += QuarkusTransaction.requiringNew().call(() -> offer(f));
        }
        return offered;
    }
}
