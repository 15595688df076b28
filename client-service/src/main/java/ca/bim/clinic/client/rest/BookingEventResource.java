package ca.bim.clinic.client.rest;

import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ca.bim.clinic.client.domain.BookingEventType;
import ca.bim.clinic.client.security.ServiceRoles;
import ca.bim.clinic.client.service.BookingEventService;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.ViolationProblem;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Where booking-service delivers its appointment events (at least once). Internal: outside {@code /api/v1}, so the
 * gateway never routes it, and hidden from the public contract, which the gateway merges and serves; the event
 * contract is in the README. Only a caller holding the {@code booking-events:write} client role (booking-service's
 * service account) may call it; the role is checked before the body is read.
 */
@Path("/internal/v1/booking-events")
public class BookingEventResource {

    /** The envelope version this consumer understands; a newer one may change meanings. */
    static final int SUPPORTED_VERSION = 1;

    private final BookingEventService events;
    private final Validator validator;

    BookingEventResource(BookingEventService events, Validator validator) {
        this.events = events;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceRoles.BOOKING_EVENTS_WRITE)
    @Operation(operationId = "receiveBookingEvent", hidden = true)
    public Response deliver(@NotNull @Valid BookingEventRequest event) {
        Optional<BookingEventType> type = BookingEventType.of(event.type());
        if (type.isPresent()) {
            Set<ConstraintViolation<BookingEventRequest>> violations = validator.validate(event,
                    type.get().isAppointmentEvent() ? BookingEventRequest.AppointmentEvent.class
                            : BookingEventRequest.AccessEvent.class);
            if (!violations.isEmpty()) {
                throw missingFields(violations);
            }
            // Not recorded as processed: redelivered once this service understands the version.
            if (event.version() != SUPPORTED_VERSION) {
                throw DomainException.unprocessable("Event version " + event.version() + " is not supported; "
                        + "this service understands version " + SUPPORTED_VERSION);
            }
        }
        BookingEventRequest.Data data = event.data();
        events.consume(new BookingEventService.Received(event.id(), event.type(), event.occurredAt(),
                data == null ? null : data.clientId(), data == null ? null : data.appointmentId(),
                data == null ? null : data.startsAt(),
                data == null || data.practitionerSubject() == null ? null : data.practitionerSubject().toString(),
                data == null ? null : data.practitionerUsername(),
                data == null || data.viewerSubject() == null ? null : data.viewerSubject().toString(),
                data == null ? null : data.viewerRole(), data == null ? null : data.appointmentIds(),
                data == null ? null : data.request()));
        return Response.noContent().build();
    }

    /** The same problem shape as a failed {@code @Valid}, for the constraints that depend on the event type. */
    private static HttpProblem missingFields(Set<ConstraintViolation<BookingEventRequest>> violations) {
        return ViolationProblem.builder().detail("The event lacks fields its type requires")
                .bodyViolations(violations).build();
    }
}
