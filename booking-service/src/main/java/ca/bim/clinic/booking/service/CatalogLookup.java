package ca.bim.clinic.booking.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.repository.AppointmentTypeRepository;
import ca.bim.clinic.booking.repository.LocationRepository;
import ca.bim.clinic.booking.repository.PractitionerRepository;

/** Finds catalogue entries by the identifiers the API accepts (location by code or id, type by code). */
@ApplicationScoped
public class CatalogLookup {

    private final LocationRepository locations;
    private final AppointmentTypeRepository types;
    private final PractitionerRepository practitioners;

    CatalogLookup(LocationRepository locations, AppointmentTypeRepository types, PractitionerRepository practitioners) {
        this.locations = locations;
        this.types = types;
        this.practitioners = practitioners;
    }

    public Optional<Location> location(String codeOrId) {
        if (codeOrId == null || codeOrId.isBlank()) {
            return Optional.empty();
        }
        return asUuid(codeOrId).flatMap(locations::findByIdOptional)
                .or(() -> locations.findByCode(codeOrId))
                .filter(l -> l.active);
    }

    public Optional<AppointmentType> activeType(String code) {
        return code == null ? Optional.empty() : types.findByCode(code).filter(t -> t.active);
    }

    public Optional<Practitioner> practitioner(UUID id) {
        return id == null ? Optional.empty() : practitioners.findByIdOptional(id);
    }

    public Optional<Practitioner> practitionerOf(Caller caller) {
        return caller.username() == null ? Optional.empty() : practitioners.findByKeycloakUsername(caller.username());
    }

    private static Optional<UUID> asUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
