package ca.bim.clinic.client.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ca.bim.clinic.client.security.PatientDemographicsPermission;
import ca.bim.clinic.client.service.PatientDemographicsService;
import ca.bim.clinic.client.service.PatientDemographicsService.Demographics;
import ca.bim.clinic.common.error.NotFound;
import io.quarkus.security.PermissionsAllowed;

/**
 * Demographics of a client who consents to data sharing, for fhir-service's Patient view. Internal: outside
 * {@code /api/v1}, so the gateway never routes it, and hidden from the public contract. A client without that
 * consent (or unknown, or archived) is a 404, whoever asks.
 */
@Path("/internal/v1/patients")
public class InternalPatientResource {

    @Inject PatientDemographicsService demographics;

    @GET
    @Path("/{clientId}")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(PatientDemographicsPermission.READ)
    @Operation(hidden = true)
    public Response patient(@PathParam("clientId") UUID clientId) {
        Demographics found = demographics.forDataSharing(clientId)
                .orElseThrow(() -> new NotFound("No client " + clientId + " shares data"));
        return Response.ok(found).header("Cache-Control", "no-store").build();
    }
}
