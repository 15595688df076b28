package ca.bim.clinic.client.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.client.domain.ConsentDecision;
import ca.bim.clinic.client.service.ConsentService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/clients/{id}/consents")
@Tag(name = "Consents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
public class ConsentResource {

    @Inject ConsentService consents;

    @GET
    @Operation(operationId = "getConsents", summary = "A client's consents: current state and history", description = "The client themselves, "
            + "front desk, admins and therapists with the client in their care. Consents concern partner clinics "
            + "(`data-sharing`); withdrawing one changes nothing for clinic staff.")
    @APIResponse(responseCode = "200", description = "Current state of treatment, data-sharing and "
            + "marketing-email consent, and every grant and withdrawal")
    @APIResponse(responseCode = "403", description = "Staff role without access to this client")
    public ConsentsResponse get(@PathParam("id") UUID id) {
        return ConsentsResponse.from(id, consents.history(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideConsent", summary = "Grant or withdraw a consent", description = "The client themselves, front desk (e.g. "
            + "for a signed paper form) and admins. Appends to the history; nothing is overwritten.")
    @APIResponse(responseCode = "201", description = "Recorded; the body is the updated consents view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentsResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown consent or action")
    @APIResponse(responseCode = "403", description = "Role may not record consent for this client")
    @APIResponse(responseCode = "409", description = "Granting for an archived client")
    public Response decide(@PathParam("id") UUID id, @NotNull @Valid ConsentRequest request, UriInfo uriInfo) {
        ConsentDecision decision = request.action() == ConsentRequest.Action.grant ? ConsentDecision.granted
                : ConsentDecision.withdrawn;
        return Response.created(uriInfo.getAbsolutePath())
                .entity(ConsentsResponse.from(id, consents.decide(id, request.consent(), decision)))
                .build();
    }
}
