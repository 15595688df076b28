package ca.bim.clinic.booking.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.domain.WaitlistEntry;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.booking.service.Replayable;
import ca.bim.clinic.booking.service.WaitlistService;
import ca.bim.clinic.booking.service.WaitlistService.NewEntry;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

@Path("/api/v1/waitlist")
@Tag(name = "Waitlist")
@Produces(MediaType.APPLICATION_JSON)
public class WaitlistResource {

    @Schema(description = "What to wait for: a type, optionally a practitioner or location, and a window of local "
            + "dates and times of day (optionally some weekdays only), e.g. weekday evenings in the next 3 weeks")
    public record WaitlistRequest(
            @Schema(description = "Appointment type code, e.g. sports-massage-60") @NotBlank @Size(max = 80)
            String appointmentType,
            @Schema(description = "Any practitioner offering the type when absent") UUID practitionerId,
            @Schema(description = "Location code or id; any location when absent") @Size(max = 80) String locationCode,
            @Schema(description = "First local date of the window") @NotNull LocalDate fromDate,
            @Schema(description = "Last local date of the window (inclusive); the entry expires after it")
            @NotNull LocalDate toDate,
            @Schema(type = SchemaType.STRING, example = "17:00:00", description = "Earliest local start")
            @NotNull LocalTime fromTime,
            @Schema(type = SchemaType.STRING, example = "20:00:00", description = "Latest local end")
            @NotNull LocalTime toTime,
            @Schema(description = "Only these weekdays (MONDAY ... SUNDAY); every day when absent or empty")
            @Size(max = 7) List<@NotNull DayOfWeek> weekdays,
            @Schema(description = "Required unless a client waits for themselves") UUID clientId) {
    }

    public record WaitlistResponse(UUID id, UUID clientId, String appointmentType,
            @Schema(nullable = true) UUID practitionerId, @Schema(nullable = true) String locationCode,
            LocalDate fromDate, LocalDate toDate,
            @Schema(type = SchemaType.STRING, example = "17:00:00") LocalTime fromTime,
            @Schema(type = SchemaType.STRING, example = "20:00:00") LocalTime toTime, List<DayOfWeek> weekdays,
            @Schema(enumeration = { "waiting", "booked", "removed", "expired" },
                    description = "booked: the client booked an offered slot; expired: the window ended")
            String status,
            OffsetDateTime createdAt) {

        static WaitlistResponse from(WaitlistEntry e, LocalDate today) {
            return new WaitlistResponse(e.id, e.clientId, e.type.code,
                    e.practitioner == null ? null : e.practitioner.id, e.location == null ? null : e.location.code,
                    e.fromDate, e.toDate, e.fromTime, e.toTime, e.weekdaySet().stream().sorted().toList(),
                    e.state(today), e.createdAt.atOffset(ZoneOffset.UTC));
        }
    }

    private final WaitlistService waitlist;
    private final CurrentCaller currentCaller;
    private final ClientSelection clients;

    WaitlistResource(WaitlistService waitlist, CurrentCaller currentCaller, ClientSelection clients) {
        this.waitlist = waitlist;
        this.currentCaller = currentCaller;
        this.clients = clients;
    }

    @POST
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinWaitlist", summary = "Wait for a slot to free up",
            description = "A client waits for themselves; front desk, admins and partners (for clients who consented "
                    + "to data sharing) name the client. When a matching slot frees up (a cancellation, a reschedule, "
                    + "a released or expired hold, new working hours) the oldest matching entry gets a hold on it and "
                    + "a waitlist.offered event (feed and webhooks) with the hold's expiry; book it with holdId. If "
                    + "the hold expires unbooked, the next entry gets the slot. A retry with the same Idempotency-Key "
                    + "and body returns the same entry.")
    @APIResponse(responseCode = "201", description = "Waiting (or replayed); Location names the entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitlistResponse.class)),
            headers = { @Header(name = "Location", description = "URL of the entry"),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier entry was replayed") })
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Waiting for another client, a staff-only appointment type, or "
            + "a partner acting for a client who has not consented to data sharing")
    @APIResponse(responseCode = "409", description = "The client has no profile yet")
    @APIResponse(responseCode = "422", description = "Unknown or archived client; unknown type, practitioner or "
            + "location; a window that runs backwards or lies in the past; or an Idempotency-Key reused with a "
            + "different body")
    @APIResponse(responseCode = "503", description = "Client records cannot be reached; nothing was written")
    public Response join(@NotNull @Valid WaitlistRequest request,
            @Parameter(description = "Unique per intended entry; retries reuse it")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @Context UriInfo uri) {
        Caller caller = currentCaller.get();
        UUID clientId = clients.resolve(caller, request.clientId(), "join the waitlist");
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (request.weekdays() != null) {
            days.addAll(request.weekdays());
        }
        Replayable<WaitlistEntry> entry = waitlist.add(new NewEntry(request.appointmentType(),
                Optional.ofNullable(request.practitionerId()), Optional.ofNullable(request.locationCode()),
                request.fromDate(), request.toDate(), request.fromTime(), request.toTime(), days, clientId), caller,
                key);
        return Response.created(uri.getAbsolutePathBuilder().path(entry.created().id.toString()).build())
                .header("Idempotent-Replayed", entry.replayed())
                .entity(WaitlistResponse.from(entry.created(), waitlist.today())).build();
    }

    @GET
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Operation(operationId = "listWaitlist", summary = "Waitlist entries, oldest first",
            description = "Clients see their own, partners those they made for clients whose data-sharing consent is "
                    + "in force, staff all.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public PageResponse<WaitlistResponse> list(@Valid @BeanParam PageRequest page) {
        LocalDate today = waitlist.today();
        return PageResponse.of(waitlist.list(currentCaller.get()), page, e -> WaitlistResponse.from(e, today));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Operation(operationId = "getWaitlistEntry", summary = "One waitlist entry the caller may see")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No such entry, or not the caller's")
    public WaitlistResponse get(@PathParam("id") UUID id) {
        return WaitlistResponse.from(waitlist.visible(id, currentCaller.get()), waitlist.today());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Operation(operationId = "leaveWaitlist", summary = "Stop waiting",
            description = "A slot currently offered to the entry is released, so the next entry can get it.")
    @APIResponse(responseCode = "204", description = "Removed (or no longer waiting)")
    @APIResponse(responseCode = "404", description = "No such entry, or not the caller's")
    public void leave(@PathParam("id") UUID id) {
        waitlist.remove(id, currentCaller.get());
    }
}
