package ca.bim.clinic.client.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
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
public class CareTeamResource {

    /** Keycloak usernames (lower case in this realm). */
    static final String USERNAME = "^[a-z0-9][a-z0-9._@-]{0,99}$";

    private final CareTeamService careTeam;

    CareTeamResource(CareTeamService careTeam) {
        this.careTeam = careTeam;
    }

    @GET
    @Operation(operationId = "listCareTeam", summary = "The therapists who may see this client's clinical data", description = "Admins, front "
            + "desk and the client themselves.")
    @APIResponse(responseCode = "200", description = "The care team, by username")
    @APIResponse(responseCode = "403", description = "Role may not see care teams")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    public List<CareTeamMember> list(@PathParam("id") UUID id) {
        return careTeam.list(id).stream().map(CareTeamMember::from).toList();
    }

    @PUT
    @Path("/{therapistUsername}")
    @Operation(operationId = "addCareTeamMember", summary = "Put a therapist in the client's care team (admin)", description = "Idempotent: adding "
            + "a therapist already in the team changes nothing.")
    @APIResponse(responseCode = "204", description = "The therapist is in the care team")
    @APIResponse(responseCode = "400", description = "Not a username")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such client")
    public Response add(@PathParam("id") UUID id,
            @PathParam("therapistUsername") @Pattern(regexp = USERNAME, message = "must be a username") @Size(max = 200) String username) {
        careTeam.addAsCaller(id, username);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{therapistUsername}")
    @Operation(operationId = "removeCareTeamMember", summary = "Take a therapist out of the client's care team (admin)", description = "Idempotent.")
    @APIResponse(responseCode = "204", description = "The therapist is not in the care team")
    @APIResponse(responseCode = "400", description = "Not a username")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such client")
    public Response remove(@PathParam("id") UUID id,
            @PathParam("therapistUsername") @Pattern(regexp = USERNAME, message = "must be a username") @Size(max = 200) String username) {
        careTeam.remove(id, username);
        return Response.noContent().build();
    }
}
