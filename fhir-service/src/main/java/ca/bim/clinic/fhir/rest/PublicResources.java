package ca.bim.clinic.fhir.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

import ca.bim.clinic.fhir.service.CapabilityView;
import ca.bim.clinic.fhir.service.DirectoryView;
import ca.bim.clinic.fhir.service.SlotView;

/**
 * The public part of the FHIR view: what the native API also shows without a token. Only the CapabilityStatement is
 * described in the OpenAPI document; it describes the rest in FHIR's own terms.
 */
@Path("/fhir/r4")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@PermitAll
@Tag(name = "FHIR R4")
public class PublicResources {

    @Inject CapabilityView capability;
    @Inject DirectoryView directory;
    @Inject SlotView slots;

    @GET
    @Path("/metadata")
    @Operation(operationId = "fhirCapabilities", summary = "FHIR R4 CapabilityStatement",
            description = "The FHIR R4 endpoint for partner clinics (application/fhir+json): the resources "
                    + "(Location, Practitioner, PractitionerRole, HealthcareService, Schedule, Slot, Appointment, "
                    + "Patient), interactions and search parameters it supports. Errors are OperationOutcomes.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement (FHIR R4 JSON)",
            content = @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "A FHIR R4 CapabilityStatement (resourceType CapabilityStatement)",
                    externalDocs = @ExternalDocumentation(description = "FHIR R4 CapabilityStatement",
                            url = "https://hl7.org/fhir/R4/capabilitystatement.html"))),
            headers = {
                    @Header(name = "RateLimit-Limit", description = "Requests the caller may make in the current window",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                                    maximum = "1000000000")),
                    @Header(name = "RateLimit-Remaining", description = "Requests left in the current window",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                                    maximum = "1000000000")),
                    @Header(name = "RateLimit-Reset", description = "Seconds until the window starts again",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0",
                                    maximum = "1000000000")) })
    public CapabilityStatement metadata() {
        return capability.statement();
    }

    @GET
    @Path("/Location")
    @Operation(hidden = true)
    public Bundle searchLocations(@Context UriInfo uri) {
        return directory.searchLocations(directory.query("Location", uri.getQueryParameters()));
    }

    @GET
    @Path("/Location/{id}")
    @Operation(hidden = true)
    public Location location(@PathParam("id") String id) {
        return directory.location(id);
    }

    @GET
    @Path("/Practitioner")
    @Operation(hidden = true)
    public Bundle searchPractitioners(@Context UriInfo uri) {
        return directory.searchPractitioners(directory.query("Practitioner", uri.getQueryParameters()));
    }

    @GET
    @Path("/Practitioner/{id}")
    @Operation(hidden = true)
    public Practitioner practitioner(@PathParam("id") String id) {
        return directory.practitioner(id);
    }

    @GET
    @Path("/PractitionerRole")
    @Operation(hidden = true)
    public Bundle searchPractitionerRoles(@Context UriInfo uri) {
        return directory.searchPractitionerRoles(directory.query("PractitionerRole", uri.getQueryParameters()));
    }

    @GET
    @Path("/PractitionerRole/{id}")
    @Operation(hidden = true)
    public PractitionerRole practitionerRole(@PathParam("id") String id) {
        return directory.practitionerRole(id);
    }

    @GET
    @Path("/HealthcareService")
    @Operation(hidden = true)
    public Bundle searchHealthcareServices(@Context UriInfo uri) {
        return directory.searchHealthcareServices(directory.query("HealthcareService", uri.getQueryParameters()));
    }

    @GET
    @Path("/HealthcareService/{id}")
    @Operation(hidden = true)
    public HealthcareService healthcareService(@PathParam("id") String id) {
        return directory.healthcareService(id);
    }

    @GET
    @Path("/Schedule")
    @Operation(hidden = true)
    public Bundle searchSchedules(@Context UriInfo uri) {
        return directory.searchSchedules(directory.query("Schedule", uri.getQueryParameters()));
    }

    @GET
    @Path("/Schedule/{id}")
    @Operation(hidden = true)
    public Schedule schedule(@PathParam("id") String id) {
        return directory.schedule(id);
    }

    @GET
    @Path("/Slot")
    @Operation(hidden = true)
    public Bundle searchSlots(@Context UriInfo uri) {
        return slots.search(directory.query("Slot", uri.getQueryParameters()));
    }

    @GET
    @Path("/Slot/{id}")
    @Operation(hidden = true)
    public Slot slot(@PathParam("id") String id) {
        return slots.read(id);
    }
}
