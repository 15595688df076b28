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

    /** A booking's type, practitioner and location, all active; the location by id or by code. */
    private static final String BOOKABLE = """
            select t, p, l from AppointmentType t left join fetch t.disciplines, Practitioner p, Location l
            where t.code = :type and t.active and p.id = :practitioner and p.active and l.active and\s""";
    private static final String BOOKABLE_AT_ID = BOOKABLE + "l.id = :location";
    private static final String BOOKABLE_AT_CODE = BOOKABLE + "l.code = :location";

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

    /**
     * The active type, practitioner and location a booking names, read in one query (three round trips were 35% of
     * a booking's work in booking-service's profile). Empty when any of them is unknown or inactive: the caller then
     * looks each up alone to say which.
     */
    public Optional<AppointmentService.Resolved> bookable(String typeCode, UUID practitionerId, String location) {
        if (typeCode == null || practitionerId == null || location == null || location.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> locationId = asUuid(location);
        // Two texts rather than one with an "or": each keeps its cached plan and its index.
        return types.getEntityManager().createQuery(locationId.isPresent() ? BOOKABLE_AT_ID : BOOKABLE_AT_CODE,
                Object[].class)
                .setParameter("type", typeCode)
                .setParameter("practitioner", practitionerId)
                .setParameter("location", locationId.isPresent() ? locationId.get() : location)
                // One row per discipline of the type (the fetch join); any of them has the three.
                .getResultList().stream().findFirst()
                .map(row -> new AppointmentService.Resolved((AppointmentType) row[0], (Practitioner) row[1],
                        (Location) row[2]));
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

    /**
     * The id a location parameter holds, if it holds one. Ids are written in the canonical 36-character form, so a
     * code ("richmond") is told apart by its length first: parsing it would throw, and building that exception on
     * every booking by location code was 1% of the booking endpoint's samples (JFR, docs/benchmarks.md).
     */
    private static Optional<UUID> asUuid(String value) {
        if (value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
