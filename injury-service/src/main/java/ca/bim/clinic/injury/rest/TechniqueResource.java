package ca.bim.clinic.injury.rest;

import java.util.List;
import java.util.function.Consumer;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.rest.Preconditions;
import ca.bim.clinic.injury.config.CatalogueConfig;
import ca.bim.clinic.injury.domain.Technique;
import ca.bim.clinic.injury.service.TechniqueRequest;
import ca.bim.clinic.injury.service.TechniqueService;

@Path("/api/v1/techniques")
@Tag(name = "Techniques", description = "Treatment techniques that injury entries link to")
@Produces(MediaType.APPLICATION_JSON)
public class TechniqueResource {

    private static final String EDITORS_ONLY = InjuryResource.EDITORS_ONLY;

    @Inject TechniqueService service;
    @Inject InjuryViews views;
    @Inject CatalogueConfig config;

    @Context
    Request request;

    @Context
    UriInfo uriInfo;

    @GET
    @PermitAll
    @Operation(operationId = "listTechniques", summary = "List the techniques, by name",
            description = "Every massage and therapy technique the catalogue knows, ordered by name. Public; answers carry an ETag and may be cached.")
    @APIResponse(responseCode = "200", description = "A page of techniques",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechniquePage.class),
                    examples = @ExampleObject(name = "techniques", value = ApiExamples.TECHNIQUE_PAGE)))
    public Response list(@Valid @BeanParam PageRequest page) {
        PageResponse<TechniqueResponse> body = PageResponse.of(service.listByName(), page, TechniqueResponse::of);
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, publicCaching()).build();
    }

    @GET
    @Path("/{slug}")
    @PermitAll
    @Operation(operationId = "getTechnique", summary = "One technique by its slug",
            description = "Carries an `ETag`; `If-None-Match` with it gives 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "The technique",
            headers = @Header(name = "ETag", description = "Tag of this representation", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechniqueResponse.class),
                    examples = @ExampleObject(name = "cupping", value = ApiExamples.TECHNIQUE)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag is current")
    @APIResponse(responseCode = "404", description = "No technique with this slug")
    public Response get(@Parameter(description = "The technique's slug", example = "cupping") @PathParam("slug") @Size(max = 200) String slug) {
        TechniqueResponse body = TechniqueResponse.of(service.find(slug).orElseThrow(() -> notFound(slug)));
        EntityTag tag = views.tag(body);
        Response.ResponseBuilder notModified = Preconditions.notModified(request, tag);
        return (notModified != null ? notModified : Response.ok(body)).tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, publicCaching())
                .build();
    }

    @POST
    @RolesAllowed({ "admin", "therapist" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createTechnique", summary = "Add a technique", description = EDITORS_ONLY)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TechniqueRequest.class),
            examples = @ExampleObject(name = "technique", value = ApiExamples.TECHNIQUE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", description = "URL of the new technique", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Tag to send in If-Match when editing", schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechniqueResponse.class),
                    examples = @ExampleObject(name = "cupping", value = ApiExamples.TECHNIQUE)))
    @APIResponse(responseCode = "400", description = "Invalid technique; `violations` names the fields")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@NotNull @Valid TechniqueRequest body) {
        TechniqueResponse created = TechniqueResponse.of(service.create(body));
        return Response.created(uriInfo.getBaseUriBuilder().path(TechniqueResource.class).path(created.slug()).build())
                .entity(created).tag(views.tag(created)).build();
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed({ "admin", "therapist" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateTechnique", summary = "Replace a technique's name and description",
            description = EDITORS_ONLY + " Requires `If-Match` with the ETag last read; the slug cannot change.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TechniqueRequest.class),
            examples = @ExampleObject(name = "technique", value = ApiExamples.TECHNIQUE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "The new tag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TechniqueResponse.class),
                    examples = @ExampleObject(name = "cupping", value = ApiExamples.TECHNIQUE)))
    @APIResponse(responseCode = "400", description = "Invalid technique; `violations` names the fields")
    @APIResponse(responseCode = "404", description = "No technique with this slug")
    @APIResponse(responseCode = "412", description = "The technique changed since the If-Match tag was read")
    @APIResponse(responseCode = "422", description = "The slug in the body differs from the path")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@Parameter(description = "The technique's slug", example = "cupping") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 200) String ifMatch,
            @NotNull @Valid TechniqueRequest body) {
        TechniqueResponse updated = TechniqueResponse.of(service.update(slug, body, ifMatch(ifMatch, true)));
        return Response.ok(updated).tag(views.tag(updated)).build();
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed({ "admin", "therapist" })
    @Operation(operationId = "deleteTechnique", summary = "Delete a technique no entry uses", description = EDITORS_ONLY + " `If-Match` is checked when sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No technique with this slug")
    @APIResponse(responseCode = "409", description = "An injury entry still uses the technique")
    @APIResponse(responseCode = "412", description = "The technique changed since the If-Match tag was read")
    public Response delete(@Parameter(description = "The technique's slug", example = "cupping") @PathParam("slug") @Size(max = 200) String slug,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 200) String ifMatch) {
        service.delete(slug, ifMatch(ifMatch, false));
        return Response.noContent().build();
    }

    private Consumer<Technique> ifMatch(String ifMatch, boolean required) {
        return current -> Preconditions.requireMatch(request, ifMatch, required, views.tag(TechniqueResponse.of(current)));
    }

    private static NotFound notFound(String slug) {
        return new NotFound("No technique '" + slug + "'");
    }

    private String publicCaching() {
        return "public, max-age=" + config.publicMaxAge().toSeconds();
    }

    @Schema(name = "TechniquePage")
    record TechniquePage(List<TechniqueResponse> items, int page, int size, long totalItems, int totalPages) {
    }
}
