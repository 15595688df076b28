package ca.bim.clinic.client.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.service.ClientService;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/clients")
@Tag(name = "Clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    @Inject
    ClientService clientService;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "client", "front-desk", "admin" })
    @Operation(summary = "Create a client profile", description = "A client creates their own profile, linked to "
            + "their account; front desk and admins create profiles for walk-in clients.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new profile")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not create profiles")
    @APIResponse(responseCode = "409", description = "The caller's account already has a profile")
    public Response create(@NotNull @Valid CreateClientRequest request, UriInfo uriInfo) {
        // Staff create walk-in profiles; a client's profile is always their own.
        boolean staff = identity.hasRole("front-desk") || identity.hasRole("admin");
        String subject = staff ? null : identity.getPrincipal().getName();
        Client client = clientService.create(request, subject);
        URI location = uriInfo.getAbsolutePathBuilder().path(client.id.toString()).build();
        return Response.created(location).entity(ClientResponse.from(client)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed("client")
    @Operation(summary = "The caller's own client profile")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a client")
    @APIResponse(responseCode = "404", description = "The caller has not created a profile yet")
    public ClientResponse me() {
        return clientService.findBySubject(identity.getPrincipal().getName())
                .map(ClientResponse::from)
                .orElseThrow(() -> new NotFoundException("No client profile for this account yet"));
    }
}
