package ca.bim.clinic.booking.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks client-service which client record belongs to the calling user. A missing record is an empty result, not a
 * failure, so it neither retries nor opens the circuit.
 */
@ApplicationScoped
public class ClientDirectory {

    @Inject @RestClient ClientServiceApi api;

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = ClientRejected.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ClientRejected.class)
    public Optional<UUID> currentClientId() {
        try {
            return Optional.ofNullable(api.me()).map(ClientServiceApi.ClientRecord::id);
        } catch (WebApplicationException e) {
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

    /** client-service refused the request (a 4xx other than 404): retrying would not help. */
    public static class ClientRejected extends RuntimeException {
        public ClientRejected(int status) {
            super("client-service answered " + status);
        }
    }
}
