package ca.bim.clinic.booking.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.service.CatalogAdminService;
import ca.bim.clinic.booking.service.CatalogLookup;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.Created;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

@Path("/api/v1/appointment-types")
@Tag(name = "Appointment types")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentTypeResource {

    @Inject CatalogLookup catalog;
    @Inject CatalogAdminService admin;

    @GET
    @PermitAll
    @Operation(operationId = "listAppointmentTypes", summary = "List the bookable services", description = "Active appointment types ordered by code.")
    @APIResponse(responseCode = "200", description = "A page of appointment types")
    public PageResponse<AppointmentTypeResponse> list(@Valid @BeanParam PageRequest page) {
        return PageResponse.of(catalog.activeTypes(), page, AppointmentTypeResponse::from);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getAppointmentType", summary = "One appointment type by its code",
            description = "A bookable service (duration, price, buffer, discipline) by its stable code. Public; retired types are not found.")
    @APIResponse(responseCode = "200", description = "The appointment type")
    @APIResponse(responseCode = "404", description = "No such appointment type")
    public AppointmentTypeResponse get(@PathParam("code") @Size(max = 200) String code) {
        return catalog.type(code).map(AppointmentTypeResponse::from)
                .orElseThrow(() -> new NotFound("No appointment type with code " + code));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAppointmentType", summary = "Create an appointment type (admin)",
            description = "The code is the stable key clients use and cannot change later.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppointmentTypeResponse.class)))
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(@NotNull @Valid AppointmentTypeRequest request, @Context UriInfo uri) {
        if (request.code() == null) {
            throw TimeParameters.badRequest("code", "body", "must not be null");
        }
        AppointmentType type = admin.createType(request.code(), request.data());
        return Created.at(uri, type.code, AppointmentTypeResponse.from(type)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateAppointmentType", summary = "Replace an appointment type's details (admin)",
            description = "Booked appointments keep the duration, buffer and price they were booked with.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "404", description = "No such appointment type")
    @APIResponse(responseCode = "409", description = "Changed concurrently")
    public AppointmentTypeResponse update(@PathParam("code") @Size(max = 200) String code,
            @NotNull @Valid AppointmentTypeRequest request) {
        return AppointmentTypeResponse.from(admin.updateType(code, request.data()));
    }
}
