package ca.bim.clinic.client.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import ca.bim.clinic.client.domain.NoteAmendment;
import ca.bim.clinic.client.service.AmendmentRequest;
import ca.bim.clinic.client.service.NoteRequest;
import ca.bim.clinic.client.service.NoteService;
import ca.bim.clinic.client.service.NoteService.NoteView;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import io.quarkus.security.Authenticated;

@Path("/api/v1/clients/{id}/notes")
@Tag(name = "Treatment notes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "403", description = "Staff role without access to this client's clinical data")
@APIResponse(responseCode = "404", description = "No such client or note, or not the caller's own record")
public class NoteResource {

    @Inject NoteService notes;

    @GET
    @Operation(operationId = "listNotes", summary = "A client's treatment notes, newest first, with amendments", description = "Therapists "
            + "with the client in their care, admins, and the client themselves. Never front desk.")
    @APIResponse(responseCode = "200", description = "One page of notes")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    public PageResponse<NoteResponse> list(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return notes.list(id, page).map(NoteResponse::from);
    }

    @GET
    @Path("/{noteId}")
    @Operation(operationId = "getNote", summary = "One treatment note with its amendments",
            description = "The note as written, with every amendment added after signing. Each read is recorded in the client's access log.")
    @APIResponse(responseCode = "200", description = "The note")
    public NoteResponse get(@PathParam("id") UUID id, @PathParam("noteId") UUID noteId) {
        return notes.get(id, noteId).map(NoteResponse::from)
                .orElseThrow(() -> new NotFound(NoteService.NO_SUCH_NOTE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createNote", summary = "Start a draft note", description = "Therapists with the client in their care and "
            + "admins, always as themselves: the practitioner is the caller.")
    @APIResponse(responseCode = "201", description = "The draft; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "No access to this client's notes, or another practitioner named")
    @APIResponse(responseCode = "404", description = "No such client, or not the caller's own record")
    @APIResponse(responseCode = "409", description = "The client is archived")
    public Response create(@PathParam("id") UUID id, @NotNull @Valid NoteRequest request, UriInfo uriInfo) {
        NoteView view = notes.create(id, request);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.note().id.toString()).build())
                .entity(NoteResponse.from(view)).build();
    }

    @PUT
    @Path("/{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateNote", summary = "Replace the content of a draft note", description = "Only its author, only while a draft.")
    @APIResponse(responseCode = "200", description = "The updated draft")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Not the author, or no access to this client's notes")
    @APIResponse(responseCode = "409", description = "The note is signed")
    @APIResponse(responseCode = "422", description = "The body names another practitioner")
    public NoteResponse update(@PathParam("id") UUID id, @PathParam("noteId") UUID noteId,
            @NotNull @Valid NoteRequest request) {
        return NoteResponse.from(notes.updateDraft(id, noteId, request));
    }

    @POST
    @Path("/{noteId}/sign")
    @Operation(operationId = "signNote", summary = "Sign a draft note", description = "Only its author. A signed note never changes.")
    @APIResponse(responseCode = "200", description = "The signed note")
    @APIResponse(responseCode = "403", description = "Not the author, or no access to this client's notes")
    @APIResponse(responseCode = "409", description = "Already signed")
    public NoteResponse sign(@PathParam("id") UUID id, @PathParam("noteId") UUID noteId) {
        return NoteResponse.from(notes.sign(id, noteId));
    }

    @POST
    @Path("/{noteId}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "amendNote", summary = "Amend a signed note", description = "Therapists with the client in their care and "
            + "admins; the amendment is dated, carries its author and is shown with the note.")
    @APIResponse(responseCode = "201", description = "The amendment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteResponse.Amendment.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "No access to this client's notes")
    @APIResponse(responseCode = "409", description = "The note is still a draft")
    public Response amend(@PathParam("id") UUID id, @PathParam("noteId") UUID noteId,
            @NotNull @Valid AmendmentRequest request, UriInfo uriInfo) {
        NoteAmendment amendment = notes.amend(id, noteId, request);
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/clients/{id}/notes/{noteId}")
                .build(id, noteId))
                .entity(NoteResponse.Amendment.from(amendment)).build();
    }
}
