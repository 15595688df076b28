package ca.bim.clinic.booking.events.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** client-service's consumer of booking events, its HTTP answer read into plain values for the dispatcher. */
@ApplicationScoped
public class ClientServiceEvents {

    /** The status client-service answered, and its body if any. */
    public record Answer(int status, String body) {
    }

    @Inject @RestClient ClientServiceEventsApi api;

    /**
     * Delivers one envelope and returns client-service's answer, error statuses included; no answer within the
     * deadline is a {@link io.smallrye.mutiny.TimeoutException}, a transport failure another runtime exception.
     */
    public Answer deliver(String envelope, Duration deadline) {
        return answer(api.deliver(envelope), deadline);
    }

    /** Several envelopes (a JSON array) in one request; a 200 answer's body has a status per envelope. */
    public Answer deliverAll(String envelopes, Duration deadline) {
        return answer(api.deliverAll(envelopes), deadline);
    }

    private static Answer answer(Uni<Response> call, Duration deadline) {
        try (Response response = call.await().atMost(deadline)) {
            return new Answer(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null);
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            String body = null;
            try {
                body = response.hasEntity() ? response.readEntity(String.class) : null;
            } catch (RuntimeException ignored) {
                // the status is what matters; the body is only kept for the dead-letter view
            }
            return new Answer(response.getStatus(), body);
        }
    }
}
