package ca.bim.clinic.booking.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * client-service's standing feed, read as booking-service itself (its client-credentials token carries the
 * client-service role {@code client-standing:read}).
 */
@RegisterRestClient(configKey = "client-service")
@OidcClientFilter
@Path("/internal/v1/client-standing")
interface ClientStandingApi {

    /** A client's full standing after one committed change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String position, UUID clientId, String subject, String status, List<String> consents,
            Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Item> items, String next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Page after(@QueryParam("after") String after, @QueryParam("limit") int limit);

    @GET
    @Path("/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    Item one(@PathParam("clientId") UUID clientId);
}
