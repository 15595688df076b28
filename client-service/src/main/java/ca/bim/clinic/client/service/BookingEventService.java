package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ca.bim.clinic.client.config.RecordsConfig;
import ca.bim.clinic.client.domain.BookingEventType;
import ca.bim.clinic.client.domain.CareSource;
import ca.bim.clinic.client.domain.EventOutcome;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.repository.ProcessedEventRepository;
import ca.bim.clinic.client.security.Actor;

/**
 * Consumes booking-service's appointment events, once per event id: the de-duplication row and the effect commit
 * in one transaction, so a redelivery (at-least-once) finds the row and changes nothing.
 */
@ApplicationScoped
public class BookingEventService {

    private static final Logger LOG = Logger.getLogger(BookingEventService.class);

    private final ProcessedEventRepository processed;
    private final ClientRepository clients;
    private final CareTeamService careTeam;
    private final RecordsConfig config;
    private final Clock clock;

    BookingEventService(ProcessedEventRepository processed, ClientRepository clients, CareTeamService careTeam,
            RecordsConfig config, Clock clock) {
        this.processed = processed;
        this.clients = clients;
        this.careTeam = careTeam;
        this.config = config;
        this.clock = clock;
    }

    /** The parts of an event this service uses. {@code practitionerUsername} is null for a practitioner without a login. */
    public record Received(UUID id, String type, Instant occurredAt, UUID appointmentId, UUID clientId,
            String practitionerUsername) {
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
            case applied -> careTeam.add(event.clientId(), event.practitionerUsername(), CareSource.booking,
                    Actor.service(config.bookingServiceClientId()));
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

    private EventOutcome outcomeOf(Received event, Optional<BookingEventType> type) {
        if (type.isEmpty()) {
            return EventOutcome.unknownType;
        }
        if (!type.get().joinsCareTeam() || event.practitionerUsername() == null) {
            return EventOutcome.noEffect;
        }
        // Clients are archived, never deleted, so a record seen here is still there when the effect is applied.
        return clients.findByIdOptional(event.clientId()).isPresent() ? EventOutcome.applied
                : EventOutcome.unknownClient;
    }
}
