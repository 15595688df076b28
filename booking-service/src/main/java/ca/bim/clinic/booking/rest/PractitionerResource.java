package ca.bim.clinic.booking.rest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.domain.Discipline;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.domain.Schedule;
import ca.bim.clinic.booking.domain.TimeOff;
import ca.bim.clinic.booking.rest.PractitionerDtos.PractitionerRequest;
import ca.bim.clinic.booking.rest.PractitionerDtos.PractitionerResponse;
import ca.bim.clinic.booking.rest.PractitionerDtos.ScheduleRequest;
import ca.bim.clinic.booking.rest.PractitionerDtos.ScheduleResponse;
import ca.bim.clinic.booking.rest.PractitionerDtos.TimeOffRequest;
import ca.bim.clinic.booking.rest.PractitionerDtos.TimeOffResponse;
import ca.bim.clinic.booking.service.CalendarService;
import ca.bim.clinic.booking.service.CatalogAdminService;
import ca.bim.clinic.booking.service.CatalogLookup;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.Created;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/practitioners")
@Tag(name = "Practitioners")
@Produces(MediaType.APPLICATION_JSON)
public class PractitionerResource {

    @Inject CatalogAdminService admin;
    @Inject CatalogLookup catalog;
    @Inject CalendarService calendar;
    @Inject SecurityIdentity identity;
    @Inject RequestCaller caller;

    @GET
    @PermitAll
    @Operation(operationId = "listPractitioners", summary = "List active practitioners",
            description = "Optionally only those scheduled at a location, of a discipline, or delivering an appointment type.")
    @APIResponse(responseCode = "200", description = "A page of practitioners ordered by name")
    @APIResponse(responseCode = "404", description = "Unknown location or appointment type")
    public PageResponse<PractitionerResponse> list(@Valid @BeanParam PageRequest page,
            @Parameter(description = "Location code or id") @QueryParam("location") @Size(max = 200) String location,
            @Parameter(description = "massage-therapy or kinesiology") @QueryParam("discipline") @Size(max = 200) String disciplineName,
            @Parameter(description = "Appointment type code") @QueryParam("appointmentType") @Size(max = 200) String appointmentType) {
        Discipline discipline = TimeParameters.enumValue(Discipline.class, disciplineName, "discipline");
        Set<Discipline> disciplines = null;
        if (appointmentType != null && !appointmentType.isBlank()) {
            disciplines = catalog.activeType(appointmentType).map(t -> Set.copyOf(t.disciplines)).orElseThrow(
                    () -> new NotFound("No appointment type with code " + appointmentType));
        }
        if (discipline != null) {
            disciplines = disciplines == null || disciplines.contains(discipline) ? Set.of(discipline) : Set.of();
        }
        UUID locationId = null;
        if (location != null && !location.isBlank()) {
            locationId = catalog.location(location).map(l -> l.id)
                    .orElseThrow(() -> new NotFound("No location " + location));
        }
        if (disciplines != null && disciplines.isEmpty()) {
            // The discipline asked for does not deliver the appointment type.
            return PageResponse.of(catalog.noPractitioners(), page, this::toResponse);
        }
        return PageResponse.of(catalog.practitioners(disciplines, locationId, admin.today()), page, this::toResponse);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getPractitioner", summary = "One practitioner",
            description = "A practitioner with the appointment types they deliver and the locations they work at. Public.")
    @APIResponse(responseCode = "200", description = "The practitioner")
    @APIResponse(responseCode = "404", description = "No such practitioner")
    public PractitionerResponse get(@PathParam("id") UUID id) {
        return toResponse(admin.practitioner(id));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPractitioner", summary = "Add a practitioner (admin)",
            description = "Adds a practitioner, optionally linked to the Keycloak username they sign in with.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PractitionerResponse.class)))
    @APIResponse(responseCode = "409", description = "The Keycloak username is linked to another practitioner")
    public Response create(@NotNull @Valid PractitionerRequest request, @Context UriInfo uri) {
        Practitioner practitioner = admin.createPractitioner(request.data());
        return Created.at(uri, practitioner.id, toResponse(practitioner)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePractitioner", summary = "Replace a practitioner's details (admin); active=false retires them",
            description = "Replaces every field; send the whole practitioner. Setting `active` to false hides them from availability; booked appointments stay.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "404", description = "No such practitioner")
    @APIResponse(responseCode = "409", description = "Username taken or changed concurrently")
    public PractitionerResponse update(@PathParam("id") UUID id, @NotNull @Valid PractitionerRequest request) {
        return toResponse(admin.updatePractitioner(id, request.data()));
    }

    @GET
    @Path("/{id}/schedules")
    @PermitAll
    @Operation(operationId = "listSchedules", summary = "Weekly working hours of a practitioner",
            description = "Their recurring weekly hours per location, in the location's local time. Public.")
    @APIResponse(responseCode = "200", description = "Schedule entries by weekday and start")
    @APIResponse(responseCode = "404", description = "No such practitioner")
    public List<ScheduleResponse> schedules(@PathParam("id") UUID id) {
        admin.practitioner(id);
        return catalog.schedulesOf(id).stream().map(ScheduleResponse::from).toList();
    }

    @POST
    @Path("/{id}/schedules")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addSchedule", summary = "Add weekly working hours at a location (admin)",
            description = "Local times in the location's zone; may not overlap other hours of the same practitioner at any location.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleResponse.class)))
    @APIResponse(responseCode = "404", description = "No such practitioner")
    @APIResponse(responseCode = "409", description = "Overlaps other hours of the practitioner (at any location)")
    @APIResponse(responseCode = "422", description = "Unknown location or inconsistent times")
    public Response addSchedule(@PathParam("id") UUID id, @NotNull @Valid ScheduleRequest request,
            @Context UriInfo uri) {
        Schedule schedule = admin.addSchedule(id, request.data());
        return Created.at(uri, schedule.id, ScheduleResponse.from(schedule)).build();
    }

    @PUT
    @Path("/{id}/schedules/{scheduleId}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSchedule", summary = "Replace a weekly working-hours entry (admin)",
            description = "Replaces the whole entry; may not overlap other hours of the practitioner.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "404", description = "No such practitioner or entry")
    @APIResponse(responseCode = "409", description = "Overlaps other hours of the practitioner")
    @APIResponse(responseCode = "422", description = "Unknown location or inconsistent times")
    public ScheduleResponse updateSchedule(@PathParam("id") UUID id, @PathParam("scheduleId") UUID scheduleId,
            @NotNull @Valid ScheduleRequest request) {
        return ScheduleResponse.from(admin.updateSchedule(id, scheduleId, request.data()));
    }

    @DELETE
    @Path("/{id}/schedules/{scheduleId}")
    @RolesAllowed("admin")
    @Operation(operationId = "deleteSchedule", summary = "Remove a weekly working-hours entry (admin); booked appointments stay",
            description = "Free slots disappear from availability at once; appointments already booked in those hours are kept.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such entry")
    public void deleteSchedule(@PathParam("id") UUID id, @PathParam("scheduleId") UUID scheduleId) {
        admin.deleteSchedule(id, scheduleId);
    }

    @GET
    @Path("/{id}/time-off")
    @RolesAllowed({ "admin", "front-desk", "therapist" })
    @Operation(operationId = "listTimeOff", summary = "Time off of a practitioner (staff, or the practitioner)",
            description = "Periods the practitioner is away, ordered by start. Staff see every practitioner's, a therapist only their own.")
    @APIResponse(responseCode = "200", description = "Time off ordered by start")
    @APIResponse(responseCode = "403", description = "Another practitioner's time off")
    @APIResponse(responseCode = "404", description = "No such practitioner")
    public List<TimeOffResponse> timeOff(@PathParam("id") UUID id) {
        requireStaffOrSelf(admin.practitioner(id));
        return catalog.timeOffOf(id).stream().map(TimeOffResponse::from).toList();
    }

    @POST
    @Path("/{id}/time-off")
    @RolesAllowed({ "admin", "front-desk" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addTimeOff", summary = "Record time off (admin, front desk)",
            description = "No slot is offered inside the period; it may not cover booked appointments (cancel or move them first).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimeOffResponse.class)))
    @APIResponse(responseCode = "404", description = "No such practitioner")
    @APIResponse(responseCode = "409", description = "Booked appointments fall in that time")
    @APIResponse(responseCode = "422", description = "Ends before it starts")
    public Response addTimeOff(@PathParam("id") UUID id, @NotNull @Valid TimeOffRequest request,
            @Context UriInfo uri) {
        TimeOff entry = admin.addTimeOff(id, request.start().toInstant(), request.end().toInstant(), request.reason());
        return Created.at(uri, entry.id, TimeOffResponse.from(entry)).build();
    }

    @DELETE
    @Path("/{id}/time-off/{timeOffId}")
    @RolesAllowed({ "admin", "front-desk" })
    @Operation(operationId = "deleteTimeOff", summary = "Remove time off (admin, front desk)",
            description = "The period's slots become bookable again.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such entry")
    public void deleteTimeOff(@PathParam("id") UUID id, @PathParam("timeOffId") UUID timeOffId) {
        admin.deleteTimeOff(id, timeOffId);
    }

    @GET
    @Path("/{id}/calendar.ics")
    @RolesAllowed({ "admin", "front-desk", "therapist" })
    @Produces("text/calendar")
    @Operation(operationId = "getPractitionerCalendar", summary = "Upcoming appointments as iCalendar (staff, or the practitioner)",
            description = "Service, location and appointment id per event; no client health data.")
    @APIResponse(responseCode = "200", description = "An iCalendar document",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "Another practitioner's calendar")
    @APIResponse(responseCode = "404", description = "No such practitioner")
    public Response calendar(@PathParam("id") UUID id) {
        Practitioner practitioner = admin.practitioner(id);
        requireStaffOrSelf(practitioner);
        return Response.ok(calendar.upcoming(id, practitioner.displayName), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"calendar.ics\"").build();
    }

    private void requireStaffOrSelf(Practitioner practitioner) {
        Caller current = caller.get();
        if (!current.isStaff() && !(current.username() != null
                && current.username().equals(practitioner.keycloakUsername))) {
            throw DomainException.forbidden("Only clinic staff or the practitioner can see this");
        }
    }

    private PractitionerResponse toResponse(Practitioner practitioner) {
        return PractitionerResponse.from(practitioner, identity.hasRole("admin"));
    }
}
