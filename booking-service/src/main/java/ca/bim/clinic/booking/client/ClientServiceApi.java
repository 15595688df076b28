package ca.bim.clinic.booking.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of client-service's API that booking needs, called with the caller's own token. */
@RegisterRestClient(configKey = "client-service")
@RegisterProvider(PropagateCallerToken.class)
@Path("/api/v1/clients")
interface ClientServiceApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ClientRecord(UUID id) {
    }

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    ClientRecord me();
}
