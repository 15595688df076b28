package ca.bim.clinic.common.error;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.oidc.OIDCException;

/**
 * Keycloak unreachable while a token must be checked is an outage, not a server bug: 503 with a hint to retry,
 * instead of the generic 500.
 */
public class IdentityProviderUnavailableMapper {

    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response toProblem(OIDCException exception, UriInfo uriInfo) {
        return HttpProblem.builder()
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail("The identity provider cannot be reached to verify the access token; try again shortly")
                .withInstance(URI.create(uriInfo.getPath()))
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build()
                .toResponse();
    }
}
