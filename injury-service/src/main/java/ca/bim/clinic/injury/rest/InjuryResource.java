package ca.bim.clinic.injury.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.rest.Preconditions;
import ca.bim.clinic.injury.config.CatalogueConfig;
import ca.bim.clinic.injury.domain.BodyRegions;
import ca.bim.clinic.injury.domain.Injury;
import ca.bim.clinic.injury.domain.InjuryRevision;
import ca.bim.clinic.injury.domain.InjurySearch.SearchCriteria;
import ca.bim.clinic.injury.domain.InjurySearch.SearchPage;
import ca.bim.clinic.injury.domain.InjuryStatus;
import ca.bim.clinic.injury.service.InjuryRequest;
import ca.bim.clinic.injury.service.InjuryService;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/injuries")
@Tag(name = "Injuries", description = "The running-injury catalogue: published entries for everyone, drafts and "
        + "editing for therapists and admins")
@Produces(MediaType.APPLICATION_JSON)
public class InjuryResource {

    static final String EDITORS_ONLY = "Editors only (roles admin, therapist).";
    /** Editors may see drafts: their view must never be served from a shared cache. */
    private static final String PRIVATE = "private, no-cache";

    @Inject InjuryService service;
    @Inject InjuryViews views;
    @Inject SecurityIdentity identity;
    @Inject CatalogueConfig config;
    @Inject ObjectMapper json;

    @Context
    Request request;

    @Context
    UriInfo uriInfo;

    @GET
    @PermitAll
    @Operation(operationId = "listInjuries", summary = "List or search the catalogue",
            description = "Published entries, by name, or best match first when `q` is given. `q` takes the words "
                    + "a runner would use (\"pain on the outside of my knee\"): PostgreSQL full-text search with "
                    + "symptoms, names and aliases weighted highest, plus trigram similarity so misspelled names "
                    + "(\"achiles\") still match. `status=draft` or `status=any` lists drafts too; " + EDITORS_ONLY)
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InjuryPage.class),
                    examples = @ExampleObject(name = "search", value = ApiExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "Invalid page, size, region, status or q")
    @APIResponse(responseCode = "403", description = "Drafts asked for by a caller who is not an editor")
    public Response list(@Valid @BeanParam PageRequest page,
            @Parameter(description = "Free text, e.g. symptoms in everyday words", example = "pain under the kneecap")
            @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "Only entries filed under this body region", example = "knee",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = { "low-back", "hip", "thigh", "knee", "lower-leg", "ankle", "foot" }))
            @QueryParam("region") @Pattern(regexp = BodyRegions.PATTERN, message = BodyRegions.MESSAGE) @Size(max = 200) String region,
            @Parameter(description = "published (default), draft or any; draft and any are for editors",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "published", "draft", "any" },
                            defaultValue = "published"))
            @QueryParam("status") @DefaultValue("published")
            @Pattern(regexp = "^(published|draft|any)$", message = "must be published, draft or any") @Size(max = 200) String status) {
        Set<InjuryStatus> statuses = switch (status) {
            case "draft" -> EnumSet.of(InjuryStatus.draft);
            case "any" -> EnumSet.allOf(InjuryStatus.class);
            default -> EnumSet.of(InjuryStatus.published);
        };
        if (!statuses.equals(EnumSet.of(InjuryStatus.published))) {
            requireEditor();
        }
        String text = q == null || q.isBlank() ? null : q.strip();
        SearchPage found = service.search(new SearchCriteria(text, region, statuses), page.page(), page.size());
        List<InjurySummary> items = found.items().stream().map(InjurySummary::of).toList();
        int totalPages = (int) ((found.total() + page.size() - 1) / page.size());
        return Response.ok(new PageResponse<>(items, page.page(), page.size(), found.total(), totalPages))
                .header(HttpHeaders.CACHE_CONTROL, editor() ? PRIVATE : publicCaching())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(operationId = "getInjury", summary = "One entry by its slug",
            description = "Published entries for everyone; editors also see drafts and links to drafts. Carries an "
                    + "`ETag`; send it back in `If-None-Match` to get 304 when nothing changed, or in `If-Match` "
                    + "when editing.")
    @APIResponse(responseCode = "200", description = "The entry",
            headers = { @Header(name = "ETag", description = "Tag of this representation", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "public with a max-age for anonymous readers, private for editors", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InjuryResponse.class),
                    examples = @ExampleObject(name = "achilles", value = ApiExamples.INJURY)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    @APIResponse(responseCode = "404", description = "No entry with this slug that the caller may see")
    public Response get(@Parameter(description = "The entry's slug", example = "it-band-syndrome") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(in = ParameterIn.HEADER, description = "A tag from an earlier response")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Size(max = 200) String ifNoneMatch) {
        boolean editor = editor();
        Injury injury = service.find(slug).filter(found -> editor || found.isPublished())
                .orElseThrow(() -> new NotFound("No published injury entry '" + slug + "'"));
        InjuryResponse body = views.detail(injury, editor);
        EntityTag tag = views.tag(body);
        String caching = editor ? PRIVATE : publicCaching();
        Response.ResponseBuilder notModified = Preconditions.notModified(request, tag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(body);
        return builder.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, caching)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    @POST
    @RolesAllowed({ "admin", "therapist" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createInjury", summary = "Create an entry as a draft", description = EDITORS_ONLY + " Publish it to show it to everyone.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InjuryRequest.class),
            examples = @ExampleObject(name = "entry", value = ApiExamples.INJURY_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created as a draft",
            headers = { @Header(name = "Location", description = "URL of the new entry", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Tag to send in If-Match when editing", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InjuryResponse.class),
                    examples = @ExampleObject(name = "draft", value = ApiExamples.INJURY)))
    @APIResponse(responseCode = "400", description = "Invalid entry; `violations` names the fields")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    @APIResponse(responseCode = "422", description = "A technique or related entry does not exist, or the entry links to itself")
    public Response create(@NotNull @Valid InjuryRequest body) {
        Injury created = service.create(body, actor());
        InjuryResponse view = views.detail(created, true);
        return Response.created(uriInfo.getBaseUriBuilder().path(InjuryResource.class).path(created.slug).build())
                .entity(view).tag(views.tag(view)).build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed({ "admin", "therapist" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateInjury", summary = "Replace an entry's content",
            description = EDITORS_ONLY + " Requires `If-Match` with the ETag last read; the slug cannot change. "
                    + "Keeps the status; records a revision.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InjuryRequest.class),
            examples = @ExampleObject(name = "entry", value = ApiExamples.INJURY_REQUEST)))
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "The new tag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InjuryResponse.class),
                    examples = @ExampleObject(name = "updated", value = ApiExamples.INJURY)))
    @APIResponse(responseCode = "400", description = "Invalid entry; `violations` names the fields")
    @APIResponse(responseCode = "404", description = "No entry with this slug")
    @APIResponse(responseCode = "412", description = "The entry changed since the If-Match tag was read")
    @APIResponse(responseCode = "422", description = "Unknown technique or related entry, a self link, or a changed slug")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@Parameter(description = "The entry's slug", example = "achilles-tendinitis") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 200) String ifMatch,
            @NotNull @Valid InjuryRequest body) {
        Injury updated = service.update(slug, body, ifMatch(ifMatch, true), actor());
        return editorView(updated);
    }

    @POST
    @Path("/{slug}/publish")
    @RolesAllowed({ "admin", "therapist" })
    @Operation(operationId = "publishInjury", summary = "Publish a draft", description = EDITORS_ONLY + " `If-Match` is checked when sent.")
    @APIResponse(responseCode = "200", description = "Published",
            headers = @Header(name = "ETag", description = "The new tag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InjuryResponse.class),
                    examples = @ExampleObject(name = "published", value = ApiExamples.INJURY)))
    @APIResponse(responseCode = "404", description = "No entry with this slug")
    @APIResponse(responseCode = "409", description = "Already published")
    @APIResponse(responseCode = "412", description = "The entry changed since the If-Match tag was read")
    public Response publish(@Parameter(description = "The entry's slug", example = "achilles-tendinitis") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 200) String ifMatch) {
        return editorView(service.publish(slug, ifMatch(ifMatch, false), actor()));
    }

    @POST
    @Path("/{slug}/unpublish")
    @RolesAllowed({ "admin", "therapist" })
    @Operation(operationId = "unpublishInjury", summary = "Take an entry back to draft", description = EDITORS_ONLY + " `If-Match` is checked when sent.")
    @APIResponse(responseCode = "200", description = "Now a draft",
            headers = @Header(name = "ETag", description = "The new tag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InjuryResponse.class),
                    examples = @ExampleObject(name = "draft", value = ApiExamples.INJURY)))
    @APIResponse(responseCode = "404", description = "No entry with this slug")
    @APIResponse(responseCode = "409", description = "Already a draft")
    @APIResponse(responseCode = "412", description = "The entry changed since the If-Match tag was read")
    public Response unpublish(@Parameter(description = "The entry's slug", example = "achilles-tendinitis") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 200) String ifMatch) {
        return editorView(service.unpublish(slug, ifMatch(ifMatch, false), actor()));
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed({ "admin", "therapist" })
    @Operation(operationId = "deleteInjury", summary = "Delete an entry",
            description = EDITORS_ONLY + " `If-Match` is checked when sent. Links from other entries go with it; "
                    + "its revision history is kept for audit.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No entry with this slug")
    @APIResponse(responseCode = "412", description = "The entry changed since the If-Match tag was read")
    public Response delete(@Parameter(description = "The entry's slug", example = "achilles-tendinitis") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 200) String ifMatch) {
        service.delete(slug, ifMatch(ifMatch, false), actor());
        return Response.noContent().build();
    }

    @GET
    @Path("/{slug}/revisions")
    @RolesAllowed({ "admin", "therapist" })
    @Operation(operationId = "listInjuryRevisions", summary = "The change history of an entry, newest first", description = EDITORS_ONLY)
    @APIResponse(responseCode = "200", description = "A page of revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionPage.class),
                    examples = @ExampleObject(name = "history", value = ApiExamples.REVISIONS)))
    @APIResponse(responseCode = "404", description = "No entry with this slug")
    public PageResponse<RevisionResponse> revisions(
            @Parameter(description = "The entry's slug", example = "achilles-tendinitis") @PathParam("slug") @Size(max = 200) String slug,
            @Valid @BeanParam PageRequest page) {
        Injury injury = service.find(slug).orElseThrow(() -> new NotFound("No injury entry '" + slug + "'"));
        List<RevisionResponse> items = service.revisions(injury.id, page.page(), page.size()).stream()
                .map(this::revision).toList();
        long total = service.revisionCount(injury.id);
        return new PageResponse<>(items, page.page(), page.size(), total, (int) ((total + page.size() - 1) / page.size()));
    }

    private RevisionResponse revision(InjuryRevision revision) {
        return new RevisionResponse(revision.version, revision.action.name(), revision.status.name(),
                revision.changedBy, revision.changedAt, json.convertValue(revision.content, InjuryRequest.class));
    }

    private Response editorView(Injury injury) {
        InjuryResponse view = views.detail(injury, true);
        return Response.ok(view).tag(views.tag(view)).header(HttpHeaders.CACHE_CONTROL, PRIVATE).build();
    }

    private Consumer<Injury> ifMatch(String ifMatch, boolean required) {
        return current -> Preconditions.requireMatch(request, ifMatch, required, views.editorTag(current));
    }

    private boolean editor() {
        return identity.hasRole("admin") || identity.hasRole("therapist");
    }

    private void requireEditor() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!editor()) {
            throw new ForbiddenException();
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private String publicCaching() {
        return "public, max-age=" + config.publicMaxAge().toSeconds();
    }

    /** Documentation only: the page shape of PageResponse with its item type. */
    @Schema(name = "InjuryPage")
    record InjuryPage(List<InjurySummary> items, int page, int size, long totalItems, int totalPages) {
    }

    @Schema(name = "RevisionPage")
    record RevisionPage(List<RevisionResponse> items, int page, int size, long totalItems, int totalPages) {
    }
}
