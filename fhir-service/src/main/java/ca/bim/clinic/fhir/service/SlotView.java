package ca.bim.clinic.fhir.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.Slot.SlotStatus;

import ca.bim.clinic.fhir.client.BookingDirectory;
import ca.bim.clinic.fhir.client.Native;
import ca.bim.clinic.fhir.config.FhirConfig;
import ca.bim.clinic.fhir.error.FhirProblem;
import ca.bim.clinic.fhir.service.DirectoryView.Catalogue;

/** Free slots, computed by booking-service's availability at the time of the request. */
@ApplicationScoped
public class SlotView {

    /** booking-service's default range when only the start is known. */
    static final int DEFAULT_DAYS = 7;

    @Inject BookingDirectory booking;
    @Inject DirectoryView directory;
    @Inject FhirConfig config;
    @Inject Clock clock;

    /** A slot to book: what its id names, resolved against the catalogue. */
    public record Bookable(SlotId id, Native.AppointmentType type, Native.Location location) {
    }

    public Bundle search(SearchQuery query) {
        List<String> typeCodes = query.codes("service-type", Resources.APPOINTMENT_TYPE_SYSTEM);
        if (typeCodes.isEmpty()) {
            throw FhirProblem.badRequest("Slot searches need service-type (an appointment type code, see "
                    + "HealthcareService)");
        }
        List<ScheduleId> schedules = new ArrayList<>();
        for (String reference : query.references("schedule", "Schedule")) {
            // An unknown schedule matches nothing, like any other search value.
            ScheduleId.parse(reference).ifPresent(schedules::add);
        }
        boolean scheduleFilter = !query.anyOf("schedule").isEmpty();
        SearchQuery.Range range = query.range("start", config.zone());
        OffsetDateTime from = range.from()
                .orElseGet(() -> LocalDate.now(clock.withZone(config.zone())).atStartOfDay(config.zone())
                        .toOffsetDateTime());
        OffsetDateTime to = range.to().orElseGet(() -> from.atZoneSameInstant(config.zone())
                .plusDays(DEFAULT_DAYS).toOffsetDateTime());

        Catalogue catalogue = directory.catalogue();
        List<Slot> slots = new ArrayList<>();
        for (String code : typeCodes) {
            Optional<Native.AppointmentType> type = catalogue.type(code);
            if (type.isEmpty()) {
                continue;
            }
            if (!scheduleFilter) {
                booking.availability(code, Optional.empty(), Optional.empty(), from, to)
                        .forEach(s -> slots.add(Resources.slot(s, type.get(), SlotStatus.FREE)));
                continue;
            }
            for (ScheduleId schedule : schedules) {
                if (catalogue.locationByCode(schedule.locationCode()).isEmpty()) {
                    continue;
                }
                try {
                    booking.availability(code, Optional.of(schedule.locationCode()),
                            Optional.of(schedule.practitionerId()), from, to)
                            .forEach(s -> slots.add(Resources.slot(s, type.get(), SlotStatus.FREE)));
                } catch (FhirProblem problem) {
                    if (problem.status() != 404) { // a practitioner who no longer exists offers nothing
                        throw problem;
                    }
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::getStart).thenComparing(s -> s.getIdElement().getIdPart()));
        return Bundles.searchset(config.baseUrl(), query, slots.size(), Bundles.page(slots, query));
    }

    /** A slot by id: {@code free} while booking-service offers it, {@code busy-unavailable} otherwise. */
    public Slot read(String id) {
        Bookable bookable = resolve(id).orElseThrow(() -> FhirProblem.notFound("No Slot/" + id));
        Native.Slot free = findFree(bookable).orElse(null);
        if (free != null) {
            return Resources.slot(free, bookable.type(), SlotStatus.FREE);
        }
        OffsetDateTime start = bookable.id().start().atOffset(ZoneOffset.UTC);
        Native.Slot taken = new Native.Slot(bookable.id().practitionerId(), null, bookable.location().id(),
                bookable.location().code(), start, start.plusMinutes(bookable.type().durationMinutes()));
        return Resources.slot(taken, bookable.type(), SlotStatus.BUSYUNAVAILABLE);
    }

    /** Decodes a slot id against the current catalogue; empty when it names nothing that exists. */
    public Optional<Bookable> resolve(String id) {
        Optional<SlotId> slotId = SlotId.parse(id);
        if (slotId.isEmpty()) {
            return Optional.empty();
        }
        Catalogue catalogue = directory.catalogue();
        List<Native.AppointmentType> types = catalogue.types().stream()
                .filter(t -> slotId.get().matchesType(t.id())).toList();
        List<Native.Location> locations = catalogue.locations().stream()
                .filter(l -> slotId.get().matchesLocation(l.id())).toList();
        if (types.size() != 1 || locations.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(new Bookable(slotId.get(), types.get(0), locations.get(0)));
    }

    private Optional<Native.Slot> findFree(Bookable bookable) {
        OffsetDateTime start = bookable.id().start().atOffset(ZoneOffset.UTC);
        try {
            return booking.availability(bookable.type().code(), Optional.of(bookable.location().code()),
                    Optional.of(bookable.id().practitionerId()), start, start.plusDays(1)).stream()
                    .filter(s -> s.start().toInstant().equals(bookable.id().start())).findFirst();
        } catch (FhirProblem problem) {
            if (problem.status() == 404 || problem.status() == 400) {
                return Optional.empty();
            }
            throw problem;
        }
    }
}
