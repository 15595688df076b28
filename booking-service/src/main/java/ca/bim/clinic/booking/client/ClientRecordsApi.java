package ca.bim.clinic.booking.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * client-service read as booking-service itself (client credentials token from Keycloak): the status view of a
 * client and their consents, whoever the caller of the booking is.
 */
@RegisterRestClient(configKey = "client-service")
@OidcClientFilter
@Path("/api/v1/clients")
interface ClientRecordsApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClientStatusView(UUID id, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consents(UUID clientId, List<ConsentState> current) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConsentState(String consent, boolean granted) {
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ClientStatusView status(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/consents")
    @Produces(MediaType.APPLICATION_JSON)
    Consents consents(@PathParam("id") UUID id);
}
