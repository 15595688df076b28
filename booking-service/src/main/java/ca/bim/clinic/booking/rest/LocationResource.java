package ca.bim.clinic.booking.rest;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.service.CatalogLookup;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

@Path("/api/v1/locations")
@Tag(name = "Locations")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LocationResource {

    @Inject CatalogLookup catalog;

    @GET
    @Operation(operationId = "listLocations", summary = "List the clinic locations",
            description = "The clinics with their address, IANA time zone and stable code (`richmond`, `vancouver`). Public.")
    @APIResponse(responseCode = "200", description = "A page of active locations")
    public PageResponse<LocationResponse> list(@Valid @BeanParam PageRequest page) {
        return PageResponse.of(catalog.activeLocations(), page, LocationResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLocation", summary = "One location",
            description = "A clinic by its id. Public.")
    @APIResponse(responseCode = "200", description = "The location")
    @APIResponse(responseCode = "404", description = "No such location")
    public LocationResponse get(@PathParam("id") UUID id) {
        return catalog.location(id)
                .map(LocationResponse::from)
                .orElseThrow(() -> new NotFound("No location with id " + id));
    }
}
