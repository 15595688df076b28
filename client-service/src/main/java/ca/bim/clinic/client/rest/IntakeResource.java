package ca.bim.clinic.client.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.client.domain.IntakeContent;
import ca.bim.clinic.client.domain.IntakeVersion;
import ca.bim.clinic.client.service.IntakeService;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import io.quarkus.security.Authenticated;

@Path("/api/v1/clients/{id}/intake")
@Tag(name = "Intake")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "403", description = "Staff role without access to this client's clinical data")
@APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
public class IntakeResource {

    @Inject IntakeService intake;

    @GET
    @Operation(operationId = "getIntake", summary = "The current intake questionnaire", description = "The client themselves, therapists "
            + "with the client in their care, and admins. Never front desk.")
    @APIResponse(responseCode = "200", description = "The latest version")
    @APIResponse(responseCode = "404", description = "No such client, not the caller's own record, or no intake yet")
    public IntakeResponse current(@PathParam("id") UUID id) {
        return intake.current(id).map(IntakeResponse::from)
                .orElseThrow(() -> new NotFound("The client has not filled in the intake questionnaire"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordIntake", summary = "Record a new version of the intake questionnaire", description = "The whole "
            + "questionnaire; earlier versions stay in the history. Injuries name catalogue slugs.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "201", description = "The first version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid answers (violations name the fields)")
    @APIResponse(responseCode = "409", description = "The client is archived")
    public Response record(@PathParam("id") UUID id, @NotNull @Valid IntakeContent answers, UriInfo uriInfo) {
        IntakeVersion version = intake.record(id, answers);
        IntakeResponse body = IntakeResponse.from(version);
        return version.version == 1
                ? Response.created(uriInfo.getAbsolutePath()).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/history")
    @Operation(operationId = "listIntakeHistory", summary = "Every version of the intake questionnaire, newest first",
            description = "Every recorded version of the intake questionnaire, so clinicians can see what changed and when.")
    @APIResponse(responseCode = "200", description = "One page of versions")
    public PageResponse<IntakeResponse> history(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return intake.history(id, page).map(IntakeResponse::from);
    }
}
