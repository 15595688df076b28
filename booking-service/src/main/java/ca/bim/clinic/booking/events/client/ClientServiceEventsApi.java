package ca.bim.clinic.booking.events.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** client-service's consumer of booking events, called as booking-service itself. */
@RegisterRestClient(configKey = "client-service-events")
@OidcClientFilter
@Path("/internal/v1/booking-events")
interface ClientServiceEventsApi {

    /**
     * The envelope as stored, byte for byte. Asynchronous so the caller can give up at the attempt deadline:
     * abandoning the Uni cancels the request.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> deliver(String envelope);

    /** A JSON array of stored envelopes; the answer has a status per envelope ({@code results[].status}). */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> deliverAll(String envelopes);
}
