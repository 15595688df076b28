package ca.bim.clinic.fhir.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * booking-service's native API, called with the caller's token. Answers are raw responses so that its problem
 * details can be turned into OperationOutcomes with the same status.
 */
@RegisterRestClient(configKey = "booking-service")
@RegisterProvider(PropagateCallerToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface BookingServiceApi {

    @GET
    @Path("/locations")
    Response locations(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/locations/{id}")
    Response location(@PathParam("id") String id);

    @GET
    @Path("/practitioners")
    Response practitioners(@QueryParam("page") int page, @QueryParam("size") int size,
            @QueryParam("location") String location);

    @GET
    @Path("/practitioners/{id}")
    Response practitioner(@PathParam("id") String id);

    @GET
    @Path("/practitioners/{id}/schedules")
    Response schedules(@PathParam("id") String id);

    @GET
    @Path("/appointment-types")
    Response appointmentTypes(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/appointment-types/{code}")
    Response appointmentType(@PathParam("code") String code);

    @GET
    @Path("/availability")
    Response availability(@QueryParam("appointmentType") String appointmentType,
            @QueryParam("location") String location, @QueryParam("practitioner") String practitioner,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/appointments")
    Response appointments(@QueryParam("page") int page, @QueryParam("size") int size,
            @QueryParam("client") String client, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/appointments/{id}")
    Response appointment(@PathParam("id") String id);

    @POST
    @Path("/appointments")
    @Consumes(MediaType.APPLICATION_JSON)
    Response book(Native.BookingRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey);
}
