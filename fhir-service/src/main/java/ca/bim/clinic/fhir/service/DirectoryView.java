package ca.bim.clinic.fhir.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Schedule;

import ca.bim.clinic.fhir.client.BookingDirectory;
import ca.bim.clinic.fhir.client.Native;
import ca.bim.clinic.fhir.config.FhirConfig;
import ca.bim.clinic.fhir.error.FhirProblem;

/**
 * The public directory: Location, Practitioner, PractitionerRole, HealthcareService and Schedule, each read from
 * booking-service's public catalogue at the time of the request (nothing is copied or cached here).
 */
@ApplicationScoped
public class DirectoryView {

    @Inject BookingDirectory booking;
    @Inject FhirConfig config;
    @Inject Clock clock;

    public SearchQuery query(String type, Map<String, List<String>> params) {
        return new SearchQuery(type, params, config.defaultPageSize(), config.maxPageSize());
    }

    // Location

    public Bundle searchLocations(SearchQuery query) {
        List<String> codes = query.codes("identifier", Resources.LOCATION_CODE_SYSTEM);
        if (codes.isEmpty()) {
            Native.Page<Native.Location> page = booking.locations(query.page(), query.count());
            return bundle(query, page.totalItems(), page.items().stream().map(Resources::location).toList());
        }
        List<Location> matches = allLocations().stream().filter(l -> codes.contains(l.code()))
                .map(Resources::location).toList();
        return bundle(query, matches.size(), Bundles.page(matches, query));
    }

    public Location location(String id) {
        return Resources.location(booking.location(uuid(id, "Location")));
    }

    // Practitioner and PractitionerRole

    public Bundle searchPractitioners(SearchQuery query) {
        Native.Page<Native.Practitioner> page = booking.practitioners(query.page(), query.count(), null);
        return bundle(query, page.totalItems(), page.items().stream().map(Resources::practitioner).toList());
    }

    public Practitioner practitioner(String id) {
        return Resources.practitioner(booking.practitioner(uuid(id, "Practitioner")));
    }

    public Bundle searchPractitionerRoles(SearchQuery query) {
        Native.Page<Native.Practitioner> page = booking.practitioners(query.page(), query.count(), null);
        Catalogue catalogue = catalogue();
        return bundle(query, page.totalItems(), page.items().stream().map(p -> role(p, catalogue)).toList());
    }

    public PractitionerRole practitionerRole(String id) {
        return role(booking.practitioner(uuid(id, "PractitionerRole")), catalogue());
    }

    private PractitionerRole role(Native.Practitioner p, Catalogue catalogue) {
        return Resources.practitionerRole(p, workplaces(p, catalogue), catalogue.deliveredBy(p));
    }

    // HealthcareService: one per appointment type

    public Bundle searchHealthcareServices(SearchQuery query) {
        Native.Page<Native.AppointmentType> page = booking.appointmentTypes(query.page(), query.count());
        return bundle(query, page.totalItems(),
                page.items().stream().map(Resources::healthcareService).toList());
    }

    public HealthcareService healthcareService(String code) {
        if (!code.matches("[a-z0-9-]{1,64}")) {
            throw FhirProblem.notFound("No HealthcareService/" + code);
        }
        try {
            return Resources.healthcareService(booking.appointmentType(code));
        } catch (FhirProblem problem) {
            throw problem.status() == 404 ? FhirProblem.notFound("No HealthcareService/" + code) : problem;
        }
    }

    // Schedule: one per practitioner and location where they have working hours

    public Bundle searchSchedules(SearchQuery query) {
        Catalogue catalogue = catalogue();
        List<String> actors = query.anyOf("actor");
        List<String> types = query.codes("service-type", Resources.APPOINTMENT_TYPE_SYSTEM);
        List<Native.Practitioner> practitioners = new ArrayList<>();
        Set<UUID> locationFilter = new HashSet<>();
        boolean practitionerFilter = false;
        for (String actor : actors) {
            if (actor.startsWith("Practitioner/")) {
                practitionerFilter = true;
                UUID id = Resources.uuid(actor.substring("Practitioner/".length()));
                if (id != null) {
                    try {
                        practitioners.add(booking.practitioner(id));
                    } catch (FhirProblem problem) {
                        if (problem.status() != 404) {
                            throw problem;
                        }
                    }
                }
            } else if (actor.startsWith("Location/")) {
                UUID id = Resources.uuid(actor.substring("Location/".length()));
                locationFilter.add(id == null ? new UUID(0, 0) : id);
            } else {
                throw FhirProblem.badRequest("actor must be Practitioner/{id} or Location/{id}");
            }
        }
        if (!practitionerFilter) {
            practitioners = allPractitioners();
        }
        List<Schedule> schedules = new ArrayList<>();
        for (Native.Practitioner p : practitioners) {
            List<Native.AppointmentType> delivered = catalogue.deliveredBy(p);
            if (!types.isEmpty() && delivered.stream().noneMatch(t -> types.contains(t.code()))) {
                continue;
            }
            for (Native.Location l : workplaces(p, catalogue)) {
                if (locationFilter.isEmpty() || locationFilter.contains(l.id())) {
                    schedules.add(Resources.schedule(p, l, delivered));
                }
            }
        }
        schedules.sort(Comparator.comparing(s -> s.getIdElement().getIdPart()));
        return bundle(query, schedules.size(), Bundles.page(schedules, query));
    }

    public Schedule schedule(String id) {
        ScheduleId key = ScheduleId.parse(id).orElseThrow(() -> FhirProblem.notFound("No Schedule/" + id));
        Catalogue catalogue = catalogue();
        Native.Practitioner p;
        try {
            p = booking.practitioner(key.practitionerId());
        } catch (FhirProblem problem) {
            throw problem.status() == 404 ? FhirProblem.notFound("No Schedule/" + id) : problem;
        }
        return workplaces(p, catalogue).stream().filter(l -> l.code().equals(key.locationCode())).findFirst()
                .map(l -> Resources.schedule(p, l, catalogue.deliveredBy(p)))
                .orElseThrow(() -> FhirProblem.notFound("No Schedule/" + id));
    }

    // Shared lookups

    /** Locations and appointment types, read once per request. */
    public record Catalogue(List<Native.Location> locations, List<Native.AppointmentType> types) {

        public List<Native.AppointmentType> deliveredBy(Native.Practitioner p) {
            return types.stream().filter(t -> t.disciplines() != null && t.disciplines().contains(p.discipline()))
                    .toList();
        }

        public Optional<Native.Location> location(UUID id) {
            return locations.stream().filter(l -> l.id().equals(id)).findFirst();
        }

        public Optional<Native.Location> locationByCode(String code) {
            return locations.stream().filter(l -> l.code().equals(code)).findFirst();
        }

        public Optional<Native.AppointmentType> type(String code) {
            return types.stream().filter(t -> t.code().equals(code)).findFirst();
        }
    }

    public Catalogue catalogue() {
        return new Catalogue(allLocations(),
                booking.appointmentTypes(0, BookingDirectory.MAX_PAGE).items());
    }

    /** Every active location (there are a handful). */
    private List<Native.Location> allLocations() {
        return booking.locations(0, BookingDirectory.MAX_PAGE).items();
    }

    public List<Native.Practitioner> allPractitioners() {
        return booking.practitioners(0, BookingDirectory.MAX_PAGE, null).items();
    }

    /** Active locations where the practitioner has working hours now or later. */
    public List<Native.Location> workplaces(Native.Practitioner p, Catalogue catalogue) {
        Set<UUID> ids = booking.schedules(p.id()).stream()
                .filter(s -> s.effectiveTo() == null
                        || !s.effectiveTo().isBefore(LocalDate.now(clock.withZone(config.zone()))))
                .map(Native.ScheduleEntry::locationId).collect(Collectors.toSet());
        return catalogue.locations().stream().filter(l -> ids.contains(l.id())).toList();
    }

    private Bundle bundle(SearchQuery query, long total, List<? extends Resource> resources) {
        return Bundles.searchset(config.baseUrl(), query, total, resources);
    }

    static UUID uuid(String id, String type) {
        UUID uuid = Resources.uuid(id);
        if (uuid == null) {
            throw FhirProblem.notFound("No " + type + "/" + id);
        }
        return uuid;
    }
}
