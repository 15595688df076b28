package ca.bim.clinic.booking.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ca.bim.clinic.booking.client.ClientDirectory.ClientRejected;

/**
 * What booking needs to know about a client from client-service, asked as booking-service itself. An unknown
 * client is an empty result (neither retried nor counted against the circuit); timeouts, 5xx and connection
 * failures are retried, then open the circuit.
 */
@ApplicationScoped
public class ClientRecords {

    public static final String DATA_SHARING = "data-sharing";

    /** The part of a client's record booking decides on. */
    public record ClientStanding(UUID id, boolean active, boolean sharesDataWithPartners) {
    }

    private final ClientRecordsApi api;

    ClientRecords(@RestClient ClientRecordsApi api) {
        this.api = api;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = ClientRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientRejected.class)
    public Optional<ClientStanding> standing(UUID clientId, boolean withConsents) {
        ClientRecordsApi.ClientStatusView view;
        try {
            view = api.status(clientId);
        } catch (WebApplicationException e) {
            return notFoundAsEmpty(e);
        }
        if (view == null) {
            return Optional.empty();
        }
        boolean active = "active".equals(view.status());
        boolean sharing = false;
        if (withConsents && active) {
            try {
                ClientRecordsApi.Consents consents = api.consents(clientId);
                sharing = consents != null && consents.current() != null && consents.current().stream()
                        .anyMatch(c -> DATA_SHARING.equals(c.consent()) && c.granted());
            } catch (WebApplicationException e) {
                return notFoundAsEmpty(e);
            }
        }
        return Optional.of(new ClientStanding(view.id() == null ? clientId : view.id(), active, sharing));
    }

    private static <T> Optional<T> notFoundAsEmpty(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return Optional.empty();
        }
        if (status >= 400 && status < 500) {
            throw new ClientRejected(status);
        }
        throw e;
    }
}
