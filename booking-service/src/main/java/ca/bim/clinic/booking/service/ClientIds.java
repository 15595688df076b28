package ca.bim.clinic.booking.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.client.ClientDirectory;
import ca.bim.clinic.common.error.Conflict;
import ca.bim.clinic.common.error.Unavailable;
import ca.bim.clinic.common.security.OwnClientRecord;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;

/**
 * The client-service record id of a user with the client role: from the standing view when it knows the subject,
 * else asked of client-service with the caller's token. Cached briefly per token subject (failures are not cached,
 * so a client who has just created a profile is found on the next request).
 */
@ApplicationScoped
public class ClientIds implements OwnClientRecord {

    private static final Logger LOG = Logger.getLogger(ClientIds.class);

    @Inject ClientDirectory directory;
    @Inject ClientStandings standings;

    @Override
    @CacheResult(cacheName = "client-ids")
    public UUID of(@CacheKey String subject) {
        // The standing view knows the subject of every client with an account, without asking client-service.
        Optional<UUID> known = standings.clientOfSubject(subject);
        if (known.isPresent()) {
            return known.get();
        }
        Optional<UUID> id;
        try {
            id = directory.currentClientId();
        } catch (RuntimeException e) {
            LOG.warnf("client-service lookup failed: %s", e.toString());
            throw new Unavailable("Client records cannot be reached right now; please try again shortly");
        }
        return id.orElseThrow(() -> new Conflict("Client profile missing",
                "Create your client profile first (POST /api/v1/clients), then book"));
    }
}
