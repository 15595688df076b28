package ca.bim.clinic.booking.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ca.bim.clinic.booking.client.ClientDirectory.ClientRejected;

/**
 * Reads client standings from client-service as booking-service itself: pages of the standing feed for the poller,
 * and one client for a booking of a client the feed has not brought yet. An unknown client is an empty result
 * (neither retried nor counted against the circuit); timeouts, 5xx and connection failures are retried, then open
 * the circuit.
 */
@ApplicationScoped
public class ClientStandingSource {

    public static final String DATA_SHARING = "data-sharing";

    /** One client's standing as client-service reported it at {@code position}. */
    public record Standing(String position, UUID clientId, String subject, String status, boolean dataSharing,
            Instant changedAt) {
    }

    /** Standings in feed order and the cursor to continue from. */
    public record Page(List<Standing> items, String next) {
    }

    @Inject @RestClient ClientStandingApi api;

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ClientRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientRejected.class)
    public Page after(String cursor, int limit) {
        ClientStandingApi.Page page;
        try {
            page = api.after(cursor, limit);
        } catch (WebApplicationException e) {
            throw rejectedOrRetryable(e);
        }
        if (page == null || page.next() == null) {
            throw new IllegalStateException("client-service answered a standing page without a cursor");
        }
        List<Standing> items = page.items() == null ? List.of() : page.items().stream().map(ClientStandingSource::of)
                .toList();
        return new Page(items, page.next());
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = ClientRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientRejected.class)
    public Optional<Standing> one(UUID clientId) {
        try {
            return Optional.ofNullable(api.one(clientId)).map(ClientStandingSource::of);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw rejectedOrRetryable(e);
        }
    }

    private static Standing of(ClientStandingApi.Item item) {
        boolean sharing = item.consents() != null && item.consents().contains(DATA_SHARING);
        return new Standing(item.position(), item.clientId(), item.subject(), item.status(), sharing,
                item.changedAt());
    }

    private static RuntimeException rejectedOrRetryable(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return new ClientRejected(status);
        }
        return e;
    }
}
