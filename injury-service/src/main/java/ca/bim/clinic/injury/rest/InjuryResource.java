package ca.bim.clinic.injury.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.injury.repository.InjuryRepository;

@Path("/api/v1/injuries")
@Tag(name = "Injuries")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class InjuryResource {

    private final InjuryRepository injuries;

    InjuryResource(InjuryRepository injuries) {
        this.injuries = injuries;
    }

    @GET
    @Operation(summary = "List the published injury entries")
    @APIResponse(responseCode = "200", description = "A page of published entries")
    @APIResponse(responseCode = "400", description = "Invalid paging parameters")
    public PageResponse<InjuryResponse> list(@Valid @BeanParam PageRequest page) {
        return PageResponse.of(injuries.findPublished(), page, InjuryResponse::from);
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One published injury entry by its slug")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No published entry with this slug")
    public InjuryResponse get(@PathParam("slug") String slug) {
        return injuries.findPublishedBySlug(slug)
                .map(InjuryResponse::from)
                .orElseThrow(() -> new NotFoundException("No published injury entry '" + slug + "'"));
    }
}
