package ca.bim.clinic.booking.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Discipline;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.domain.Schedule;
import ca.bim.clinic.booking.domain.TimeOff;
import ca.bim.clinic.booking.repository.AppointmentTypeRepository;
import ca.bim.clinic.booking.repository.LocationRepository;
import ca.bim.clinic.booking.repository.PractitionerRepository;
import ca.bim.clinic.booking.repository.ScheduleRepository;
import ca.bim.clinic.booking.repository.TimeOffRepository;
import ca.bim.clinic.common.security.Caller;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Reads the catalogue: locations, appointment types, practitioners with their schedules and time off, found by the
 * identifiers the API accepts (location by code or id, type by code).
 */
@ApplicationScoped
public class CatalogLookup {

    @Inject LocationRepository locations;
    @Inject AppointmentTypeRepository types;
    @Inject PractitionerRepository practitioners;
    @Inject ScheduleRepository schedules;
    @Inject TimeOffRepository timeOff;

    /**
     * The active locations, read once and kept (cache catalog-locations): no API writes locations, and an operator's
     * change in the database shows within the cache's expire-after-write. Read-only: callers map, never modify.
     */
    @CacheResult(cacheName = "catalog-locations")
    public List<Location> activeLocations() {
        return List.copyOf(locations.findActive().list());
    }

    /** A location by id, active or not. */
    public Optional<Location> location(UUID id) {
        return locations.findByIdOptional(id);
    }

    public PanacheQuery<AppointmentType> activeTypes() {
        return types.findActive();
    }

    /** An appointment type by code, active or not. */
    public Optional<AppointmentType> type(String code) {
        return types.findByCode(code);
    }

    /** Active practitioners of the disciplines (null: any) working at the location (null: any) from today on. */
    public PanacheQuery<Practitioner> practitioners(Collection<Discipline> disciplines, UUID locationId,
            LocalDate today) {
        return practitioners.search(disciplines, locationId, today);
    }

    /** A query that finds nothing, for a filter known to match no practitioner. */
    public PanacheQuery<Practitioner> noPractitioners() {
        return practitioners.find("1 = 0");
    }

    public List<Schedule> schedulesOf(UUID practitionerId) {
        return schedules.findByPractitioner(practitionerId);
    }

    public List<TimeOff> timeOffOf(UUID practitionerId) {
        return timeOff.findByPractitioner(practitionerId);
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
