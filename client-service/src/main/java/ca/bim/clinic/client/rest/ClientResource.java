package ca.bim.clinic.client.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientSearch;
import ca.bim.clinic.client.security.Actor;
import ca.bim.clinic.client.service.ClientService;
import ca.bim.clinic.client.service.ProfileRequest;
import ca.bim.clinic.client.service.RecordAccess.Granted;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.rest.Preconditions;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;
import io.quarkus.security.Authenticated;

/**
 * Client profiles. Per-record endpoints admit any authenticated caller so that the access policy, not the role
 * check, decides; that way every refused read is recorded in the client's access log.
 */
@Path("/api/v1/clients")
@Tag(name = "Clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject ClientService clientService;
    @Inject RequestCaller currentCaller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.CLIENT, Caller.FRONT_DESK, Caller.ADMIN })
    @Operation(operationId = "createClient", summary = "Create a client profile", description = "A client creates their own profile, linked to "
            + "their account; front desk and admins create profiles for walk-in clients.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Role may not create profiles")
    @APIResponse(responseCode = "409", description = "The caller's account already has a profile")
    public Response create(@NotNull @Valid ProfileRequest request, UriInfo uriInfo) {
        // Staff create walk-in profiles; a client's profile is always their own.
        Caller caller = currentCaller.get();
        String staffRole = caller.isAdmin() ? Caller.ADMIN : caller.has(Caller.FRONT_DESK) ? Caller.FRONT_DESK : null;
        String subject = staffRole != null ? null : caller.subject();
        Client client = clientService.create(request, subject,
                Actor.of(caller, staffRole != null ? staffRole : Caller.CLIENT));
        URI location = uriInfo.getAbsolutePathBuilder().path(client.id.toString()).build();
        return Response.created(location).tag(etag(client)).entity(ClientResponse.from(client)).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed(Caller.CLIENT)
    @Operation(operationId = "getOwnClient", summary = "The caller's own client profile",
            description = "The profile of the signed-in client, found by the token's subject. 404 until the client has created one with `createClient`.")
    @APIResponse(responseCode = "200", description = "The profile", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a client")
    @APIResponse(responseCode = "404", description = "The caller has not created a profile yet")
    public Response me() {
        Client client = clientService.findMine()
                .orElseThrow(() -> new NotFound("No client profile for this account yet"));
        return Response.ok(ClientResponse.from(client)).tag(etag(client)).build();
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.FRONT_DESK, Caller.ADMIN })
    @Operation(operationId = "searchClients", summary = "Search clients (staff)", description = "Criteria travel in the body so personal data "
            + "never appears in URLs or request logs. Names match by case-insensitive prefix, email exactly, phone "
            + "by its digits; criteria combine with AND. Each client returned is recorded in their access log.")
    @APIResponse(responseCode = "200", description = "One page of matching clients, by last and first name")
    @APIResponse(responseCode = "400", description = "Invalid criteria or no criterion")
    @APIResponse(responseCode = "403", description = "Not front desk or admin")
    public PageResponse<ClientResponse> search(@NotNull @Valid ClientSearchRequest request,
            @Valid @BeanParam PageRequest page) {
        String phoneDigits = request.phone() == null ? null : request.phone().replaceAll("[^0-9]", "");
        ClientSearch criteria = new ClientSearch(request.lastName(), request.firstName(),
                request.email(), phoneDigits, request.dateOfBirth(), Boolean.TRUE.equals(request.includeArchived()));
        return clientService.search(criteria, page).map(ClientResponse::from);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getClient", summary = "A client's profile", description = "The client themselves, front desk, admins and "
            + "therapists with the client in their care.")
    @APIResponse(responseCode = "200", description = "The profile; ETag carries its version",
            headers = @Header(name = "ETag"))
    @APIResponse(responseCode = "403", description = "Staff role without access to this client")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    public Response get(@PathParam("id") UUID id) {
        Granted granted = clientService.get(id);
        return Response.ok(ClientResponse.from(granted.client())).tag(etag(granted.client())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Authenticated
    @Operation(operationId = "updateClient", summary = "Change a client's profile", description = "A JSON merge patch (RFC 7396): fields "
            + "given replace, null removes. If-Match must carry the ETag of the version read. The client "
            + "themselves, front desk and admins.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ProfileRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed profile with its new ETag",
            headers = @Header(name = "ETag"))
    @APIResponse(responseCode = "400", description = "The patched profile is invalid (violations name the fields)")
    @APIResponse(responseCode = "403", description = "Staff role without access to this client")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    @APIResponse(responseCode = "409", description = "The client is archived")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response patch(@PathParam("id") UUID id,
            @Parameter(description = "The ETag from the last read, e.g. \"3\"") @HeaderParam("If-Match") @Size(max = 200) String ifMatch,
            @NotNull ObjectNode patch) {
        Client client = clientService.patch(id, Preconditions.expectedVersion(ifMatch, "profile"), patch);
        return Response.ok(ClientResponse.from(client)).tag(etag(client)).build();
    }

    @POST
    @Path("/{id}/archive")
    @Authenticated
    @Operation(operationId = "archiveClient", summary = "Archive a client", description = "Front desk and admins. The record stays readable; "
            + "it can no longer be changed or booked.")
    @APIResponse(responseCode = "200", description = "The archived profile")
    @APIResponse(responseCode = "403", description = "Role may not archive")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    @APIResponse(responseCode = "409", description = "Already archived")
    public Response archive(@PathParam("id") UUID id) {
        Client client = clientService.archive(id);
        return Response.ok(ClientResponse.from(client)).tag(etag(client)).build();
    }

    static EntityTag etag(Client client) {
        return new EntityTag(Long.toString(client.version));
    }
}
