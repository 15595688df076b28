package ca.bim.clinic.booking.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.config.BookingRules;
import ca.bim.clinic.booking.domain.AppointmentFilter;
import ca.bim.clinic.booking.domain.AppointmentStatus;
import ca.bim.clinic.booking.rest.AppointmentDtos.AppointmentResponse;
import ca.bim.clinic.booking.rest.AppointmentDtos.BookingRequest;
import ca.bim.clinic.booking.rest.AppointmentDtos.CancelRequest;
import ca.bim.clinic.booking.rest.AppointmentDtos.RescheduleRequest;
import ca.bim.clinic.booking.service.AccessLog;
import ca.bim.clinic.booking.service.AppointmentService.Booking;
import ca.bim.clinic.booking.service.AppointmentService.NewAppointment;
import ca.bim.clinic.booking.service.AppointmentService;
import ca.bim.clinic.booking.service.CatalogLookup;
import ca.bim.clinic.booking.service.ClientCheck;
import ca.bim.clinic.common.rest.Created;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;

@Path("/api/v1/appointments")
@Tag(name = "Appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    @Inject AppointmentService appointments;
    @Inject CatalogLookup catalog;
    @Inject RequestCaller currentCaller;
    @Inject BookingRules rules;
    @Inject ClientCheck clientCheck;
    @Inject ClientSelection clients;
    @Inject BookingOutcomes outcomes;
    @Inject AccessLog accessLog;

    @POST
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bookAppointment", summary = "Book an appointment",
            description = "A client books for themselves (clientId is implied); front desk, admins and partners "
                    + "name the client. A retry with the same Idempotency-Key and body returns the same appointment. "
                    + "With holdId the hold becomes the appointment (same id) atomically.")
    @APIResponse(responseCode = "201", description = "Booked (or replayed); Location names the appointment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentResponse.class)),
            headers = { @Header(name = "Location", description = "URL of the appointment"),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier booking was replayed") })
    @APIResponse(responseCode = "403", description = "Booking for another client, a staff-only appointment type, or "
            + "a partner booking for a client who has not consented to data sharing")
    @APIResponse(responseCode = "404", description = "holdId names no hold the caller may use")
    @APIResponse(responseCode = "409", description = "Not a free slot (taken, outside hours, time off, too soon, "
            + "beyond the horizon), or the client has no profile yet")
    @APIResponse(responseCode = "410", description = "The hold named by holdId expired or was released")
    @APIResponse(responseCode = "422", description = "Unknown or archived client; unknown type, practitioner or "
            + "location; an Idempotency-Key reused with a different body; or a body that does not match the hold")
    @APIResponse(responseCode = "503", description = "Client records cannot be reached; nothing was booked")
    public Response book(@NotNull @Valid BookingRequest request,
            @Parameter(description = "Unique per intended booking; retries reuse it")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @Context UriInfo uri) {
        try {
            Response response = bookChecked(request, key, uri);
            outcomes.record(Boolean.TRUE.equals(response.getHeaders().getFirst("Idempotent-Replayed"))
                    ? BookingOutcomes.REPLAYED : BookingOutcomes.BOOKED);
            return response;
        } catch (RuntimeException e) {
            outcomes.failed(e);
            throw e;
        }
    }

    private Response bookChecked(BookingRequest request, String key, UriInfo uri) {
        Caller caller = currentCaller.get();
        UUID clientId = clients.resolve(caller, request.clientId(), "book");
        NewAppointment command = new NewAppointment(request.appointmentType(), request.practitionerId(),
                request.locationCode(), request.start().toInstant(), clientId, request.holdId());
        Booking booking = appointments.book(command, caller, key);
        return Created.at(uri, booking.appointment().id, AppointmentResponse.from(booking.appointment()))
                .header("Idempotent-Replayed", booking.replayed()).build();
    }

    @GET
    @RolesAllowed({ "client", "therapist", "front-desk", "admin", "partner" })
    @Operation(operationId = "listAppointments", summary = "List appointments",
            description = "Clients see their own, practitioners their own schedule, partners the bookings they made "
                    + "for clients whose data-sharing consent is in force, staff all. Every read by someone other than "
                    + "the client is recorded in that client's access log.")
    @APIResponse(responseCode = "200", description = "A page of appointments ordered by start")
    @APIResponse(responseCode = "403", description = "Filtering on another client or practitioner")
    @APIResponse(responseCode = "409", description = "The client has no profile yet")
    @APIResponse(responseCode = "503", description = "Client records cannot be reached")
    public PageResponse<AppointmentResponse> list(@Valid @BeanParam PageRequest page,
            @Parameter(description = "Client record id") @QueryParam("client") @Size(max = 200) String client,
            @Parameter(description = "Practitioner id") @QueryParam("practitioner") @Size(max = 200) String practitioner,
            @Parameter(description = "Location code or id") @QueryParam("location") @Size(max = 200) String location,
            @Parameter(description = "Date or date-time; appointments starting at or after it") @QueryParam("from") @Size(max = 200) String from,
            @Parameter(description = "Date (inclusive) or date-time (exclusive)") @QueryParam("to") @Size(max = 200) String to,
            @Parameter(description = "booked, checked-in, completed, cancelled or no-show") @QueryParam("status") @Size(max = 200) String status,
            @Context UriInfo uri) {
        UUID locationId = null;
        if (location != null && !location.isBlank()) {
            locationId = catalog.location(location).map(l -> l.id).orElseThrow(
                    () -> TimeParameters.badRequest("location", "query", "is not a known location"));
        }
        var filter = new AppointmentFilter(TimeParameters.uuid(client, "client"),
                TimeParameters.uuid(practitioner, "practitioner"), locationId,
                TimeParameters.start(from, "from", rules.defaultZone()),
                TimeParameters.end(to, "to", rules.defaultZone()),
                TimeParameters.enumValue(AppointmentStatus.class, status, "status"), null);
        Caller caller = currentCaller.get();
        PageResponse<AppointmentResponse> result = PageResponse.of(appointments.list(filter, caller), page,
                AppointmentResponse::from);
        accessLog.shown(caller, result.items().stream().map(a -> new AccessLog.Shown(a.id(), a.clientId())).toList(),
                request(uri));
        return result;
    }

    /** What the access log names as the request: method and path, never the query (it may name a client). */
    private static String request(UriInfo uri) {
        return "GET " + uri.getAbsolutePath().getRawPath();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "client", "therapist", "front-desk", "admin", "partner" })
    @Operation(operationId = "getAppointment", summary = "One appointment the caller may see",
            description = "Clients see their own, therapists their own schedule, partners the bookings they made for "
                    + "clients whose data-sharing consent is in force, staff all; anything else is a 404. A read by "
                    + "someone other than the client is recorded in that client's access log.")
    @APIResponse(responseCode = "200", description = "The appointment")
    @APIResponse(responseCode = "404", description = "No such appointment, or not the caller's (for a partner also: "
            + "the client has withdrawn data-sharing consent)")
    public AppointmentResponse get(@PathParam("id") UUID id, @Context UriInfo uri) {
        Caller caller = currentCaller.get();
        var appointment = appointments.visible(id, caller);
        accessLog.shown(caller, List.of(new AccessLog.Shown(appointment.id, appointment.clientId)), request(uri));
        return AppointmentResponse.from(appointment);
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescheduleAppointment", summary = "Move an appointment", description = "Atomic: the old time stays booked unless the new one "
            + "is free. Clients cannot move an appointment inside the cancellation window.")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "404", description = "No such appointment, or not the caller's")
    @APIResponse(responseCode = "403", description = "A staff-only appointment type moved by a client or partner")
    @APIResponse(responseCode = "409", description = "Not a free slot, not booked, or inside the cancellation window")
    @APIResponse(responseCode = "422", description = "Unknown practitioner or location, or the client is archived")
    @APIResponse(responseCode = "503", description = "Client records cannot be reached; nothing was changed")
    public AppointmentResponse reschedule(@PathParam("id") UUID id, @NotNull @Valid RescheduleRequest request) {
        Caller caller = currentCaller.get();
        // Moving a booking is a new commitment for the client: same check as booking (cancelling needs none).
        clientCheck.requireBookable(appointments.visible(id, caller).clientId, caller);
        return AppointmentResponse.from(appointments.reschedule(id, request.start().toInstant(),
                request.practitionerId(), request.locationCode(), caller));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelAppointment", summary = "Cancel an appointment", description = "Inside the cancellation window it is recorded as "
            + "a late cancellation unless staff waive it.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "400", description = "Missing reason")
    @APIResponse(responseCode = "403", description = "Waiving needs a staff role")
    @APIResponse(responseCode = "404", description = "No such appointment, or not the caller's")
    @APIResponse(responseCode = "409", description = "Not booked, or already started")
    public AppointmentResponse cancel(@PathParam("id") UUID id, @NotNull @Valid CancelRequest request) {
        return AppointmentResponse.from(appointments.cancel(id, request.reason(), request.waiveLateCancellation(),
                currentCaller.get()));
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed({ "therapist", "front-desk", "admin" })
    @Operation(operationId = "checkInAppointment", summary = "Record the client's arrival (staff or the practitioner)",
            description = "Moves a `booked` appointment to `checked-in` once the client has arrived.")
    @APIResponse(responseCode = "200", description = "Checked in")
    @APIResponse(responseCode = "404", description = "No such appointment, or not the practitioner's")
    @APIResponse(responseCode = "409", description = "Not booked, or not the appointment's day at its location")
    public AppointmentResponse checkIn(@PathParam("id") UUID id) {
        return AppointmentResponse.from(appointments.checkIn(id, currentCaller.get()));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({ "therapist", "front-desk", "admin" })
    @Operation(operationId = "completeAppointment", summary = "Record that the session took place (staff or the practitioner)",
            description = "Moves a `checked-in` appointment to `completed`.")
    @APIResponse(responseCode = "200", description = "Completed")
    @APIResponse(responseCode = "404", description = "No such appointment, or not the practitioner's")
    @APIResponse(responseCode = "409", description = "Not checked-in")
    public AppointmentResponse complete(@PathParam("id") UUID id) {
        return AppointmentResponse.from(appointments.complete(id, currentCaller.get()));
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({ "therapist", "front-desk", "admin" })
    @Operation(operationId = "markAppointmentNoShow", summary = "Record that the client did not come (staff or the practitioner)",
            description = "Moves a `booked` appointment whose start has passed to `no-show`.")
    @APIResponse(responseCode = "200", description = "Marked as no-show")
    @APIResponse(responseCode = "404", description = "No such appointment, or not the practitioner's")
    @APIResponse(responseCode = "409", description = "Not booked, or the start time has not passed")
    public AppointmentResponse noShow(@PathParam("id") UUID id) {
        return AppointmentResponse.from(appointments.noShow(id, currentCaller.get()));
    }
}
