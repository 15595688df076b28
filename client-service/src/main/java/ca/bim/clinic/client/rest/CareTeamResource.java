package ca.bim.clinic.client.rest;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.client.service.CareTeamService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/clients/{id}/care-team")
@Tag(name = "Care team")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "403", description = "Not an admin")
@APIResponse(responseCode = "404", description = "No such client, or the path names no subject")
public class CareTeamResource {

    /** Keycloak usernames (lower case in this realm). */
    static final String USERNAME = "^[a-z0-9][a-z0-9._@-]{0,99}$";

    @Inject CareTeamService careTeam;

    @GET
    @Operation(operationId = "listCareTeam", summary = "The therapists who may see this client's clinical data", description = "Admins, front "
            + "desk and the client themselves. A therapist is in care by an admin's grant, or while the client has "
            + "a booked, checked-in, completed or no-show appointment with them, until the care period (default 12 "
            + "months) after the last such visit; a cancelled booking grants nothing.")
    @APIResponse(responseCode = "200", description = "The care team now")
    @APIResponse(responseCode = "403", description = "Role may not see care teams")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    public List<CareTeamMember> list(@PathParam("id") UUID id) {
        return careTeam.list(id).stream().map(CareTeamMember::from).toList();
    }

    @PUT
    @Path("/{therapistSubject}")
    @Operation(operationId = "addCareTeamMember", summary = "Put a therapist in the client's care team (admin)", description = "An explicit grant, "
            + "without an appointment and without an end, keyed on the therapist's Keycloak subject. Idempotent.")
    @APIResponse(responseCode = "204", description = "The therapist is in the care team")
    public Response add(@PathParam("id") UUID id, @PathParam("therapistSubject") UUID therapistSubject) {
        careTeam.grant(id, therapistSubject);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{therapistSubject}")
    @Operation(operationId = "removeCareTeamMember", summary = "Take a therapist out of the client's care team (admin)", description = "Removes an "
            + "explicit grant and revokes the care that appointments booked until now give, whatever events about "
            + "them follow (a reschedule, a redelivered booking). A booking made after the removal gives care "
            + "again. Idempotent.")
    @APIResponse(responseCode = "204", description = "The therapist is not in the care team")
    public Response remove(@PathParam("id") UUID id, @PathParam("therapistSubject") UUID therapistSubject) {
        careTeam.remove(id, therapistSubject);
        return Response.noContent().build();
    }
}
