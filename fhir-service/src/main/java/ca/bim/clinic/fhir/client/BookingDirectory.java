package ca.bim.clinic.fhir.client;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.GenericType;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ca.bim.clinic.fhir.error.FhirProblem;

/**
 * booking-service, read with the caller's token. Every read (each method its own circuit) retries on transport
 * failures only; an answer of booking-service (even a 404) is final. Booking is {@link BookingWrites}: it never
 * retries.
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProcessingException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = FhirProblem.class)
public class BookingDirectory {

    static final String SERVICE = "booking-service";
    /** booking-service's largest page. */
    public static final int MAX_PAGE = 100;

    private static final GenericType<Native.Page<Native.Location>> LOCATIONS = new GenericType<>() {
    };
    private static final GenericType<Native.Page<Native.Practitioner>> PRACTITIONERS = new GenericType<>() {
    };
    private static final GenericType<List<Native.ScheduleEntry>> SCHEDULES = new GenericType<>() {
    };
    private static final GenericType<Native.Page<Native.AppointmentType>> TYPES = new GenericType<>() {
    };
    private static final GenericType<Native.Page<Native.Appointment>> APPOINTMENTS = new GenericType<>() {
    };

    @Inject @RestClient BookingServiceApi api;

    public Native.Page<Native.Location> locations(int page, int size) {
        return Upstream.call(() -> api.locations(page, size), LOCATIONS, SERVICE);
    }

    public Native.Location location(UUID id) {
        return Upstream.call(() -> api.location(id.toString()), Native.Location.class, SERVICE);
    }

    public Native.Page<Native.Practitioner> practitioners(int page, int size, String location) {
        return Upstream.call(() -> api.practitioners(page, size, location), PRACTITIONERS, SERVICE);
    }

    public Native.Practitioner practitioner(UUID id) {
        return Upstream.call(() -> api.practitioner(id.toString()), Native.Practitioner.class, SERVICE);
    }

    public List<Native.ScheduleEntry> schedules(UUID practitionerId) {
        return Upstream.call(() -> api.schedules(practitionerId.toString()), SCHEDULES, SERVICE);
    }

    public Native.Page<Native.AppointmentType> appointmentTypes(int page, int size) {
        return Upstream.call(() -> api.appointmentTypes(page, size), TYPES, SERVICE);
    }

    public Native.AppointmentType appointmentType(String code) {
        return Upstream.call(() -> api.appointmentType(code), Native.AppointmentType.class, SERVICE);
    }

    /** Availability spans many schedules: it may take longer. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public List<Native.Slot> availability(String appointmentType, Optional<String> location,
            Optional<UUID> practitioner, OffsetDateTime from, OffsetDateTime to) {
        return Upstream.call(() -> api.availability(appointmentType, location.orElse(null),
                practitioner.map(UUID::toString).orElse(null), utc(from), utc(to)),
                Native.Availability.class, SERVICE).items();
    }

    public Native.Page<Native.Appointment> appointments(int page, int size, Optional<UUID> client,
            Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {
        return Upstream.call(() -> api.appointments(page, size, client.map(UUID::toString).orElse(null),
                from.map(BookingDirectory::utc).orElse(null), to.map(BookingDirectory::utc).orElse(null)),
                APPOINTMENTS, SERVICE);
    }

    public Native.Appointment appointment(UUID id) {
        return Upstream.call(() -> api.appointment(id.toString()), Native.Appointment.class, SERVICE);
    }

    /** Instants travel in UTC with Z: a '+' offset would need escaping in a query string. */
    static String utc(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
