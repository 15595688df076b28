package ca.bim.clinic.fhir.service;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;

import ca.bim.clinic.fhir.client.BookingDirectory;
import ca.bim.clinic.fhir.client.BookingWrites;
import ca.bim.clinic.fhir.client.Native;
import ca.bim.clinic.fhir.config.FhirConfig;
import ca.bim.clinic.fhir.error.FhirProblem;

/**
 * Appointments exactly as booking-service shows them to the caller (a partner: its own bookings for clients who
 * consented to data sharing), and booking through a free Slot with booking-service's own rules.
 */
@ApplicationScoped
public class AppointmentView {

    @Inject BookingDirectory booking;
    @Inject BookingWrites bookings;
    @Inject SlotView slots;
    @Inject FhirConfig config;

    public Bundle search(SearchQuery query) {
        List<String> patients = query.references("patient", "Patient");
        if (patients.size() > 1) {
            throw FhirProblem.badRequest("patient takes one reference");
        }
        Optional<UUID> client = Optional.empty();
        if (!patients.isEmpty()) {
            client = Optional.ofNullable(Resources.uuid(patients.get(0)));
            if (client.isEmpty()) {
                return Bundles.searchset(config.baseUrl(), query, 0, List.of());
            }
        }
        SearchQuery.Range range = query.range("date", config.zone());
        Native.Page<Native.Appointment> page = booking.appointments(query.page(), query.count(), client,
                range.from(), range.to());
        return Bundles.searchset(config.baseUrl(), query, page.totalItems(),
                page.items().stream().map(Resources::appointment).toList());
    }

    public Appointment read(String id) {
        UUID uuid = Resources.uuid(id);
        if (uuid == null) {
            throw FhirProblem.notFound("No Appointment/" + id);
        }
        return Resources.appointment(booking.appointment(uuid));
    }

    /**
     * Books the slot the Appointment names for the patient it names. The slot must be free and the request
     * consistent with it; booking-service decides the rest (roles, consent, double booking, idempotency).
     */
    public Appointment book(Appointment request, String idempotencyKey) {
        if (request.getStatus() != AppointmentStatus.PROPOSED && request.getStatus() != AppointmentStatus.BOOKED) {
            throw FhirProblem.unprocessable("status must be proposed or booked");
        }
        if (request.getSlot().size() != 1) {
            throw FhirProblem.unprocessable("slot must reference exactly one free Slot");
        }
        String slotId = referenceId(request.getSlot().get(0), "Slot", "slot");
        SlotView.Bookable slot = slots.resolve(slotId)
                .orElseThrow(() -> FhirProblem.unprocessable("Slot/" + slotId + " does not name a slot of this clinic"));
        UUID client = patient(request);
        OffsetDateTimeCheck.requireMatches(request, slot);
        Native.Appointment booked = bookings.book(new Native.BookingRequest(slot.type().code(),
                slot.id().practitionerId(), slot.location().code(), slot.id().start().atOffset(ZoneOffset.UTC),
                client), idempotencyKey);
        return Resources.appointment(booked);
    }

    private static UUID patient(Appointment request) {
        List<AppointmentParticipantComponent> patients = request.getParticipant().stream()
                .filter(p -> p.getActor().getReferenceElement().getResourceType() != null
                        && p.getActor().getReferenceElement().getResourceType().equals("Patient"))
                .toList();
        if (patients.size() != 1) {
            throw FhirProblem.unprocessable("participant must name exactly one Patient");
        }
        String id = referenceId(patients.get(0).getActor(), "Patient", "participant.actor");
        UUID uuid = Resources.uuid(id);
        if (uuid == null) {
            throw FhirProblem.unprocessable("Patient/" + id + " is not a patient of this clinic");
        }
        return uuid;
    }

    private static String referenceId(Reference reference, String type, String field) {
        String value = reference.getReference();
        if (value == null || !reference.getReferenceElement().hasIdPart()
                || !type.equals(reference.getReferenceElement().getResourceType())) {
            throw FhirProblem.unprocessable(field + " must be a reference like " + type + "/{id}");
        }
        return reference.getReferenceElement().getIdPart();
    }

    /** Start and end, when the request gives them, must be the slot's: a mismatch is a mistake, not a wish. */
    static final class OffsetDateTimeCheck {

        private OffsetDateTimeCheck() {
        }

        static void requireMatches(Appointment request, SlotView.Bookable slot) {
            if (request.hasStart() && !request.getStart().toInstant().equals(slot.id().start())) {
                throw FhirProblem.unprocessable("start differs from the slot's start");
            }
            if (request.hasEnd() && !request.getEnd().toInstant()
                    .equals(slot.id().start().plusSeconds(60L * slot.type().durationMinutes()))) {
                throw FhirProblem.unprocessable("end differs from the slot's end");
            }
        }
    }
}
