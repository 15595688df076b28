package ca.bim.clinic.fhir.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Sends the caller's bearer token on to booking-service, so every native rule (roles, partner consent, own
 * bookings only) applies to the FHIR view unchanged. Anonymous callers stay anonymous.
 */
@ApplicationScoped
public class PropagateCallerToken implements ClientRequestFilter {

    @Inject JsonWebToken token;

    @Override
    public void filter(ClientRequestContext request) {
        String raw = token.getRawToken();
        if (raw != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + raw);
        }
    }
}
