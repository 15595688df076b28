package ca.bim.clinic.fhir.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Patient;

import ca.bim.clinic.fhir.client.BookingDirectory;
import ca.bim.clinic.fhir.client.PatientDirectory;
import ca.bim.clinic.fhir.error.FhirProblem;

/**
 * A Patient is shown only to a caller to whom booking-service shows at least one appointment of that client (for a
 * partner: one it booked, for a client who consents to data sharing). Only then are the demographics fetched, with
 * fhir-service's own identity; client-service checks the consent again. Every refusal is the same 404, so a caller
 * cannot tell "no such client" from "not yours".
 */
@ApplicationScoped
public class PatientView {

    @Inject BookingDirectory booking;
    @Inject PatientDirectory patients;

    public Patient read(String id) {
        UUID client = Resources.uuid(id);
        if (client == null || !callerSeesAnAppointmentOf(client)) {
            throw notVisible(id);
        }
        return patients.demographics(client).map(Resources::patient).orElseThrow(() -> notVisible(id));
    }

    private boolean callerSeesAnAppointmentOf(UUID client) {
        try {
            return booking.appointments(0, 1, Optional.of(client), Optional.empty(), Optional.empty())
                    .totalItems() > 0;
        } catch (FhirProblem refused) {
            if (refused.status() == 403 || refused.status() == 404) {
                return false;
            }
            throw refused;
        }
    }

    private static FhirProblem notVisible(String id) {
        return FhirProblem.notFound("No Patient/" + id + " visible to this caller");
    }
}
