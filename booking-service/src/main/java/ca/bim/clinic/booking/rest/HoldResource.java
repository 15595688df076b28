package ca.bim.clinic.booking.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.domain.Hold;
import ca.bim.clinic.booking.rest.AppointmentDtos.BookingRequest;
import ca.bim.clinic.booking.service.AppointmentService.NewAppointment;
import ca.bim.clinic.booking.service.HoldService;
import ca.bim.clinic.common.rest.Created;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;

@Path("/api/v1/holds")
@Tag(name = "Holds")
@Produces(MediaType.APPLICATION_JSON)
public class HoldResource {

    /** A held slot; times carry the location's UTC offset, expiresAt is UTC. */
    public record HoldResponse(UUID id, String appointmentType, UUID practitionerId, String practitionerName,
            UUID locationId, String locationCode, UUID clientId, OffsetDateTime start, OffsetDateTime end,
            OffsetDateTime expiresAt,
            @Schema(enumeration = { "active", "expired", "released", "booked" },
                    description = "booked: the hold became appointment `id`") String status) {

        static HoldResponse from(Hold h, Instant now) {
            ZoneId zone = h.location.zone();
            return new HoldResponse(h.id, h.type.code, h.practitioner.id, h.practitioner.displayName, h.location.id,
                    h.location.code, h.clientId, h.startsAt.atZone(zone).toOffsetDateTime(),
                    h.endsAt.atZone(zone).toOffsetDateTime(), h.expiresAt.atOffset(ZoneOffset.UTC), h.state(now));
        }
    }

    @Inject HoldService holds;
    @Inject RequestCaller currentCaller;
    @Inject ClientSelection clients;

    @POST
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "holdSlot", summary = "Hold a slot for a few minutes",
            description = "Same callers, body and rules as bookAppointment (holdId is ignored). Nobody else can book "
                    + "or hold the slot until the hold expires (booking.holds.duration, 5 minutes by default) or is "
                    + "released; the database enforces it. Book it with holdId on bookAppointment. A retry with the "
                    + "same Idempotency-Key and body returns the same hold.")
    @APIResponse(responseCode = "201", description = "Held (or replayed); Location names the hold",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoldResponse.class)),
            headers = { @Header(name = "Location", description = "URL of the hold"),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier hold was replayed") })
    @APIResponse(responseCode = "403", description = "Holding for another client, a staff-only appointment type, or "
            + "a partner holding for a client who has not consented to data sharing")
    @APIResponse(responseCode = "409", description = "Not a free slot (booked, held, outside hours, time off, too "
            + "soon, beyond the horizon), or the client has no profile yet")
    @APIResponse(responseCode = "422", description = "Unknown or archived client; unknown type, practitioner or "
            + "location; or an Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "503", description = "Client records cannot be reached; nothing was held")
    public Response hold(@NotNull @Valid BookingRequest request,
            @Parameter(description = "Unique per intended hold; retries reuse it")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @Context UriInfo uri) {
        Caller caller = currentCaller.get();
        UUID clientId = clients.resolve(caller, request.clientId(), "hold slots");
        var placed = holds.hold(new NewAppointment(request.appointmentType(), request.practitionerId(),
                request.locationCode(), request.start().toInstant(), clientId), caller, key);
        return Created.at(uri, placed.hold().id, HoldResponse.from(placed.hold(), holds.now()))
                .header("Idempotent-Replayed", placed.replayed()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Operation(operationId = "getHold", summary = "One hold the caller may use",
            description = "Clients see holds for themselves, partners the holds they placed for clients whose "
                    + "data-sharing consent is in force, staff all; anything else is a 404.")
    @APIResponse(responseCode = "200", description = "The hold")
    @APIResponse(responseCode = "404", description = "No such hold, or not the caller's")
    public HoldResponse get(@PathParam("id") UUID id) {
        return HoldResponse.from(holds.visible(id, currentCaller.get()), holds.now());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Operation(operationId = "releaseHold", summary = "Give a held slot back",
            description = "The slot is free again at once. Releasing a hold that already expired or was released "
                    + "changes nothing.")
    @APIResponse(responseCode = "204", description = "Released")
    @APIResponse(responseCode = "404", description = "No such hold, or not the caller's")
    @APIResponse(responseCode = "409", description = "The hold was booked; cancel the appointment instead")
    public void release(@PathParam("id") UUID id) {
        holds.release(id, currentCaller.get());
    }
}
