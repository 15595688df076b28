package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ca.bim.clinic.client.domain.BookingEventType;
import ca.bim.clinic.client.domain.EventOutcome;
import ca.bim.clinic.client.repository.CareRepository.AppointmentState;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.repository.ProcessedEventRepository;
import ca.bim.clinic.client.security.Actor;

/**
 * Consumes booking-service's events, once per event id: the de-duplication row and the effect commit in one
 * transaction, so a redelivery (at-least-once) finds the row and changes nothing. Appointment events keep care in
 * step with appointments (order-tolerant, see {@link ca.bim.clinic.client.repository.CareRepository#apply});
 * {@code client.appointments-read} becomes an entry in the client's access log.
 */
@ApplicationScoped
public class BookingEventService {

    private static final Logger LOG = Logger.getLogger(BookingEventService.class);

    /** Who the access log names for changes made by booking events. */
    static final Actor BOOKING_SERVICE = Actor.service("booking-service");

    @Inject ProcessedEventRepository processed;
    @Inject ClientRepository clients;
    @Inject CareTeamService careTeam;
    @Inject AccessLog accessLog;
    @Inject Clock clock;

    /**
     * The parts of an event this service uses; fields a type does not carry are null. {@code practitionerSubject} is
     * null for a practitioner without a login.
     */
    public record Received(UUID id, String type, Instant occurredAt, UUID clientId, UUID appointmentId,
            Instant startsAt, String practitionerSubject, String practitionerUsername, String viewerSubject,
            String viewerRole, List<UUID> appointmentIds, String request) {
    }

    /** Applies the event unless its id was processed before; returns the outcome, empty for a duplicate. */
    @Transactional
    public Optional<EventOutcome> consume(Received event) {
        Optional<BookingEventType> type = BookingEventType.of(event.type());
        EventOutcome outcome = outcomeOf(event, type);
        if (!processed.claim(event.id(), event.type(), event.occurredAt(), clock.instant(), outcome)) {
            LOG.debugf("Booking event %s already processed", event.id());
            return Optional.empty();
        }
        switch (outcome) {
            case applied -> apply(event, type.orElseThrow());
            // Ids only: the event's payload carries no personal data, and neither does this line.
            case unknownClient -> LOG.warnf("Booking event %s (%s, appointment %s) names client %s, which has no "
                    + "record here; recorded as processed", event.id(), event.type(), event.appointmentId(),
                    event.clientId());
            case unknownType -> LOG.infof("Booking event %s has type %s, unknown to this version; ignored",
                    event.id(), event.type());
            case noEffect -> {
            }
        }
        return Optional.of(outcome);
    }

    /**
     * Several events in one transaction, in order, each applied exactly as {@link #consume} applies it alone. Any
     * failure rolls all of them back; the caller then consumes them one by one, so one bad event costs its batch a
     * second try and nothing else. One transaction instead of one per event saves a BEGIN and a COMMIT per event.
     */
    @Transactional
    public void consumeAll(List<Received> events) {
        for (Received event : events) {
            consume(event);
        }
    }

    private void apply(Received event, BookingEventType type) {
        if (type == BookingEventType.APPOINTMENTS_READ) {
            accessLog.appointmentsRead(event.clientId(),
                    new Actor(event.viewerSubject(), event.viewerSubject(), event.viewerRole()),
                    event.request(), event.appointmentIds(), event.id(), event.occurredAt());
            return;
        }
        // A stale event (older than what is known, or after a cancellation) changes nothing, and that is fine.
        careTeam.apply(new AppointmentState(event.appointmentId(), event.clientId(), event.practitionerSubject(),
                event.practitionerUsername(), type.careStatus(), event.occurredAt(), event.startsAt()),
                BOOKING_SERVICE);
    }

    private EventOutcome outcomeOf(Received event, Optional<BookingEventType> type) {
        if (type.isEmpty()) {
            return EventOutcome.unknownType;
        }
        // Care is keyed on the therapist's subject: an appointment without one (no login) grants nothing.
        if (type.get().isAppointmentEvent() && event.practitionerSubject() == null) {
            return EventOutcome.noEffect;
        }
        // Clients are archived, never deleted, so a record seen here is still there when the effect is applied.
        return clients.findByIdOptional(event.clientId()).isPresent() ? EventOutcome.applied
                : EventOutcome.unknownClient;
    }
}
