package ca.bim.clinic.fhir.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;

import ca.bim.clinic.fhir.config.FhirConfig;
import ca.bim.clinic.fhir.error.FhirProblem;
import ca.bim.clinic.fhir.service.AppointmentView;
import ca.bim.clinic.fhir.service.DirectoryView;
import ca.bim.clinic.fhir.service.PatientView;

/** Appointments and patients: partners and admins only, and only what booking-service shows the caller. */
@Path("/fhir/r4")
@Produces({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
@RolesAllowed({ "partner", "admin" })
public class PartnerResources {

    private static final String NO_STORE = "no-store";

    @Inject AppointmentView appointments;
    @Inject PatientView patients;
    @Inject DirectoryView directory;
    @Inject FhirConfig config;

    @GET
    @Path("/Appointment")
    @Operation(hidden = true)
    public Response searchAppointments(@Context UriInfo uri) {
        Bundle bundle = appointments.search(directory.query("Appointment", uri.getQueryParameters()));
        return Response.ok(bundle).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("/Appointment/{id}")
    @Operation(hidden = true)
    public Response appointment(@PathParam("id") String id) {
        Appointment appointment = appointments.read(id);
        return Response.ok(appointment).header("Cache-Control", NO_STORE)
                .tag(appointment.getMeta().getVersionId()).build();
    }

    @POST
    @Path("/Appointment")
    @Consumes({ FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON })
    @Operation(hidden = true)
    public Response book(Appointment request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (request == null) {
            throw FhirProblem.badRequest("The body must be an Appointment");
        }
        Appointment booked = appointments.book(request, idempotencyKey);
        String id = booked.getIdElement().getIdPart();
        return Response.created(URI.create(config.baseUrl() + "/Appointment/" + id + "/_history/"
                + booked.getMeta().getVersionId()))
                .header("Cache-Control", NO_STORE).entity(booked).build();
    }

    @GET
    @Path("/Patient/{id}")
    @Operation(hidden = true)
    public Response patient(@PathParam("id") String id) {
        return Response.ok(patients.read(id)).header("Cache-Control", NO_STORE).build();
    }
}
