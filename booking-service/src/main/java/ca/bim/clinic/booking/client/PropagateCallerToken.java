package ca.bim.clinic.booking.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sends the caller's bearer token on to client-service, which then answers for that user (the token propagation
 * extension is not available in our package mirror).
 */
@ApplicationScoped
public class PropagateCallerToken implements ClientRequestFilter {

    @Inject
    JsonWebToken token;

    @Override
    public void filter(ClientRequestContext request) {
        String raw = token.getRawToken();
        if (raw != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        }
    }
}
