package ca.bim.clinic.client.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import ca.bim.clinic.client.domain.BookingEventType;
import ca.bim.clinic.client.security.ServiceRoles;
import ca.bim.clinic.client.service.BookingEventService;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.DomainExceptionMapper;
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

    /** Most envelopes one batch may carry. */
    static final int MAX_BATCH = 100;

    private static final Logger LOG = Logger.getLogger(BookingEventResource.class);

    @Inject BookingEventService events;
    @Inject Validator validator;
    @Inject ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceRoles.BOOKING_EVENTS_WRITE)
    @Operation(operationId = "receiveBookingEvent", hidden = true)
    public Response deliver(@NotNull @Valid BookingEventRequest event) {
        receive(event);
        return Response.noContent().build();
    }

    /**
     * Several envelopes in one request, each consumed exactly as if it had been posted alone: one request and one
     * token check for many events is what lets the outbox drain fast. The answer lists a status per envelope, in
     * order: 204 consumed (or a duplicate), 4xx refused as the single endpoint would refuse it. A failure that is not
     * the event's fault (the database, say) stops the batch; that envelope and the ones after it answer 503 and are
     * to be sent again.
     * <p>
     * The envelopes are read and checked first; the acceptable ones are then consumed in one transaction. Should that
     * fail, they are consumed again one by one, each in its own transaction, so a refusal concerns its own envelope
     * only, as before.
     */
    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(ServiceRoles.BOOKING_EVENTS_WRITE)
    @Operation(operationId = "receiveBookingEvents", hidden = true)
    public BatchAnswer deliverAll(@NotNull @Size(min = 1, max = MAX_BATCH) List<JsonNode> envelopes) {
        EventAnswer[] answers = new EventAnswer[envelopes.size()];
        List<Integer> positions = new ArrayList<>();
        List<BookingEventService.Received> acceptable = new ArrayList<>();
        int stop = -1; // an envelope that could not even be read for a reason not its own
        RuntimeException stopCause = null;
        for (int i = 0; i < envelopes.size() && stop < 0; i++) {
            JsonNode envelope = envelopes.get(i);
            String id = envelope == null || !envelope.path("id").isTextual() ? null : envelope.path("id").asText();
            try {
                BookingEventRequest event = json.treeToValue(envelope, BookingEventRequest.class);
                if (event == null) {
                    throw ViolationProblem.of("", ViolationProblem.IN_BODY, "must be an event envelope");
                }
                Set<ConstraintViolation<BookingEventRequest>> violations = validator.validate(event);
                if (!violations.isEmpty()) {
                    throw violationsOf(violations, "The event is not a valid envelope");
                }
                acceptable.add(checked(event));
                positions.add(i);
                answers[i] = new EventAnswer(id, 204, null);
            } catch (RuntimeException | JsonProcessingException e) {
                answers[i] = refusal(id, e);
                if (answers[i] == null) {
                    stop = i;
                    stopCause = (RuntimeException) e;
                }
            }
        }
        try {
            if (!acceptable.isEmpty()) {
                events.consumeAll(acceptable);
            }
        } catch (RuntimeException batchFailed) {
            LOG.debugf("booking event batch of %d consumed one by one: %s", acceptable.size(), batchFailed.toString());
            for (int k = 0; k < acceptable.size(); k++) {
                int i = positions.get(k);
                try {
                    events.consume(acceptable.get(k));
                } catch (RuntimeException e) {
                    answers[i] = refusal(answers[i].id(), e);
                    if (answers[i] == null) {
                        return stoppedAt(i, answers, e);
                    }
                }
            }
        }
        return stop < 0 ? new BatchAnswer(List.of(answers)) : stoppedAt(stop, answers, stopCause);
    }

    /** The answer for an envelope refused on its own account; null when the failure is not the envelope's fault. */
    private static EventAnswer refusal(String id, Exception e) {
        return switch (e) {
            case JsonProcessingException ignored ->
                    new EventAnswer(id, 400, "The event is not a valid envelope: its fields have the wrong types");
            case IllegalArgumentException ignored ->
                    new EventAnswer(id, 400, "The event is not a valid envelope: its fields have the wrong types");
            case HttpProblem problem -> new EventAnswer(id, problem.getStatusCode(), problem.getDetail());
            case DomainException refused ->
                    new EventAnswer(id, DomainExceptionMapper.kindOf(refused).status(), refused.getMessage());
            default -> null;
        };
    }

    /** The batch stops at envelope {@code i}: it and every later one answer 503 and are to be sent again. */
    private static BatchAnswer stoppedAt(int i, EventAnswer[] answers, Exception e) {
        LOG.warnf("booking event batch stopped at envelope %d of %d: %s", i + 1, answers.length, e.toString());
        for (int rest = i; rest < answers.length; rest++) {
            answers[rest] = new EventAnswer(null, 503, "Not consumed: this service could not process it now");
        }
        return new BatchAnswer(List.of(answers));
    }

    /** One status per envelope of a batch, in the order they were sent. */
    public record BatchAnswer(List<EventAnswer> results) {
    }

    /** {@code detail} explains a refusal; null when the event was consumed. */
    public record EventAnswer(String id, int status, String detail) {
    }

    private void receive(BookingEventRequest event) {
        events.consume(checked(event));
    }

    /** The envelope's type-specific fields and version checked, and the parts this service uses. */
    private BookingEventService.Received checked(BookingEventRequest event) {
        Optional<BookingEventType> type = BookingEventType.of(event.type());
        if (type.isPresent()) {
            Set<ConstraintViolation<BookingEventRequest>> violations = validator.validate(event,
                    type.get().isAppointmentEvent() ? BookingEventRequest.AppointmentEvent.class
                            : BookingEventRequest.AccessEvent.class);
            if (!violations.isEmpty()) {
                throw violationsOf(violations, "The event lacks fields its type requires");
            }
            // Not recorded as processed: redelivered once this service understands the version.
            if (event.version() != SUPPORTED_VERSION) {
                throw DomainException.unprocessable("Event version " + event.version() + " is not supported; "
                        + "this service understands version " + SUPPORTED_VERSION);
            }
        }
        BookingEventRequest.Data data = event.data();
        return new BookingEventService.Received(event.id(), event.type(), event.occurredAt(),
                data == null ? null : data.clientId(), data == null ? null : data.appointmentId(),
                data == null ? null : data.startsAt(),
                data == null || data.practitionerSubject() == null ? null : data.practitionerSubject().toString(),
                data == null ? null : data.practitionerUsername(),
                data == null || data.viewerSubject() == null ? null : data.viewerSubject().toString(),
                data == null ? null : data.viewerRole(), data == null ? null : data.appointmentIds(),
                data == null ? null : data.request());
    }

    /** The same problem shape as a failed {@code @Valid}. */
    private static HttpProblem violationsOf(Set<ConstraintViolation<BookingEventRequest>> violations, String detail) {
        return ViolationProblem.builder().detail(detail).bodyViolations(violations).build();
    }
}
