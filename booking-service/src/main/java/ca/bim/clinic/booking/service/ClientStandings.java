package ca.bim.clinic.booking.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.client.ClientStandingSource;
import ca.bim.clinic.booking.client.ClientStandingSource.Standing;
import ca.bim.clinic.booking.domain.ClientStanding;
import ca.bim.clinic.booking.repository.ClientStandingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The local view of clients' standing. Reads never call client-service; only a client the feed has not brought yet
 * is asked for once (as booking-service itself) and the answer kept.
 */
@ApplicationScoped
public class ClientStandings {

    private static final Logger LOG = Logger.getLogger(ClientStandings.class);

    /** What booking decides on. */
    public record View(UUID clientId, boolean active, boolean dataSharing) {
    }

    /** client-service could not be asked about a client the view does not know. */
    public static class Unreachable extends RuntimeException {
        Unreachable(Throwable cause) {
            super("client-service cannot be reached", cause);
        }
    }

    @Inject ClientStandingRepository repository;
    @Inject ClientStandingSource source;
    @Inject Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<View> known(UUID clientId) {
        return repository.findByIdOptional(clientId).map(ClientStandings::view);
    }

    /** Partner visibility: the client's data-sharing consent is in force. No row means no. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean sharesWithPartners(UUID clientId) {
        return repository.findByIdOptional(clientId).map(s -> s.dataSharing).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> clientOfSubject(String subject) {
        return repository.clientOfSubject(subject);
    }

    /**
     * The client's standing from the view, or for a client not seen yet from client-service's single-client
     * endpoint (then stored). Empty for a client client-service does not know. Must be called outside a
     * transaction: no database connection is held while client-service answers.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<View> lookup(UUID clientId) {
        Optional<View> known = known(clientId);
        if (known.isPresent()) {
            return known;
        }
        Optional<Standing> fetched;
        try {
            fetched = source.one(clientId);
        } catch (RuntimeException e) {
            LOG.warnf("client-service standing lookup failed: %s", e.toString());
            throw new Unreachable(e);
        }
        fetched.ifPresent(this::store);
        return fetched.map(s -> new View(s.clientId(), ClientStanding.ACTIVE.equals(s.status()), s.dataSharing()));
    }

    /** Stores one standing in its own transaction; the newest position wins. */
    void store(Standing standing) {
        QuarkusTransaction.requiringNew().run(() -> apply(standing));
    }

    /** Within the caller's transaction; false for an item that is not usable or not newer. */
    boolean apply(Standing s) {
        if (s.clientId() == null || s.position() == null
                || !(ClientStanding.ACTIVE.equals(s.status()) || ClientStanding.ARCHIVED.equals(s.status()))) {
            LOG.warnf("skipping unusable client standing at position %s (client %s, status %s)", s.position(),
                    s.clientId(), s.status());
            return false;
        }
        return repository.upsert(s.clientId(), s.subject(), s.status(), s.dataSharing(), s.position(),
                s.changedAt() == null ? clock.instant() : s.changedAt());
    }

    private static View view(ClientStanding s) {
        return new View(s.clientId, s.active(), s.dataSharing);
    }
}
