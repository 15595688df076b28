package ca.bim.clinic.booking.rest;

import java.net.URI;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ca.bim.clinic.booking.domain.AppointmentSeries.Recurrence;
import ca.bim.clinic.booking.rest.AppointmentDtos.AppointmentResponse;
import ca.bim.clinic.booking.service.AppointmentService.NewAppointment;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.booking.service.Replayable;
import ca.bim.clinic.booking.service.SeriesService;
import ca.bim.clinic.booking.service.SeriesService.Series;
import ca.bim.clinic.booking.service.SeriesService.SeriesConflictException;
import io.quarkiverse.resteasy.problem.HttpProblem;

@Path("/api/v1/appointment-series")
@Tag(name = "Appointment series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    @Schema(description = "A recurring series: the first start, then the same local time every week or two")
    public record SeriesRequest(
            @Schema(description = "Appointment type code, e.g. sports-massage-60") @NotBlank @Size(max = 80)
            String appointmentType,
            @NotNull UUID practitionerId,
            @Schema(description = "Location code (richmond, vancouver) or id") @NotBlank @Size(max = 80)
            String locationCode,
            @Schema(description = "First occurrence; later ones keep its local time at the location across "
                    + "daylight-saving changes") @NotNull OffsetDateTime firstStart,
            @NotNull Recurrence recurrence,
            @Schema(minimum = "1", maximum = "12") @Min(1) @Max(SeriesService.MAX_OCCURRENCES) int count,
            @Schema(description = "Required unless a client books for themselves") UUID clientId) {
    }

    public record SeriesResponse(UUID id, String appointmentType, UUID practitionerId, String locationCode,
            UUID clientId, Recurrence recurrence, int count,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "17:30:00",
                    description = "Local start time at the location") LocalTime localStartTime,
            @Schema(description = "Every occurrence in order, whatever its status") List<AppointmentResponse> occurrences) {

        static SeriesResponse from(Series s) {
            var series = s.series();
            return new SeriesResponse(series.id, series.type.code, series.practitioner.id, series.location.code,
                    series.clientId, series.recurrence, series.occurrences, series.localStartTime,
                    s.occurrences().stream().map(AppointmentResponse::from).toList());
        }
    }

    @Schema(description = "Cancels the occurrence `from` and every later upcoming one that is still booked")
    public record SeriesCancelRequest(
            @Schema(description = "An occurrence's appointment id; the first upcoming one when absent") UUID from,
            @NotBlank @Size(max = 500) String reason, boolean waiveLateCancellation) {
    }

    @Schema(description = "An occurrence that cannot be booked")
    public record OccurrenceConflict(OffsetDateTime start, String reason,
            @Schema(nullable = true, description = "Nearest free start that day with the same practitioner and "
                    + "location; null when the day has none") OffsetDateTime alternative) {
    }

    @Schema(description = "problem+json of a series that cannot be booked")
    public record SeriesConflictProblem(int status, String title, String detail, String instance,
            List<OccurrenceConflict> conflicts) {
    }

    private final SeriesService series;
    private final CurrentCaller currentCaller;
    private final ClientSelection clients;

    SeriesResource(SeriesService series, CurrentCaller currentCaller, ClientSelection clients) {
        this.series = series;
        this.currentCaller = currentCaller;
        this.clients = clients;
    }

    @POST
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bookAppointmentSeries", summary = "Book a recurring series (all or nothing)",
            description = "Same callers and rules as bookAppointment for every occurrence. All occurrences are booked "
                    + "in one transaction or none is; a 409 lists each occurrence that cannot be booked with the "
                    + "nearest free start that day with the same practitioner. Each occurrence is an ordinary "
                    + "appointment (own id and events) carrying seriesId. A retry with the same Idempotency-Key and "
                    + "body returns the same series and books nothing again.")
    @APIResponse(responseCode = "201", description = "Booked (or replayed); Location names the series",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SeriesResponse.class)),
            headers = { @Header(name = "Location", description = "URL of the series"),
                    @Header(name = "Idempotent-Replayed", description = "true when an earlier series was replayed") })
    @APIResponse(responseCode = "400", description = "Invalid fields (count 1 to 12, recurrence weekly or every-two-weeks)")
    @APIResponse(responseCode = "403", description = "Booking for another client, a staff-only appointment type, or "
            + "a partner booking for a client who has not consented to data sharing")
    @APIResponse(responseCode = "409", description = "Occurrences that cannot be booked (nothing was booked)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = SeriesConflictProblem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or archived client; unknown type, practitioner or "
            + "location; or an Idempotency-Key reused with a different body")
    @APIResponse(responseCode = "503", description = "Client records cannot be reached; nothing was booked")
    public Response book(@NotNull @Valid SeriesRequest request,
            @Parameter(description = "Unique per intended series; retries reuse it")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+") String key,
            @Context UriInfo uri) {
        Caller caller = currentCaller.get();
        UUID clientId = clients.resolve(caller, request.clientId(), "book");
        Replayable<Series> booked = series.book(new NewAppointment(request.appointmentType(), request.practitionerId(),
                request.locationCode(), request.firstStart().toInstant(), clientId), request.recurrence(),
                request.count(), caller, key);
        return Response.created(uri.getAbsolutePathBuilder().path(booked.created().series().id.toString()).build())
                .header("Idempotent-Replayed", booked.replayed())
                .entity(SeriesResponse.from(booked.created())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Operation(operationId = "getAppointmentSeries", summary = "A series and its occurrences",
            description = "Clients see their own, partners the series they booked for clients whose data-sharing "
                    + "consent is in force, staff all; anything else is a 404.")
    @APIResponse(responseCode = "200", description = "The series")
    @APIResponse(responseCode = "404", description = "No such series, or not the caller's")
    public SeriesResponse get(@PathParam("id") UUID id) {
        return SeriesResponse.from(series.visible(id, currentCaller.get()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ "client", "front-desk", "admin", "partner" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelAppointmentSeries", summary = "Cancel this and following occurrences",
            description = "Cancels the occurrence named by `from` and every later one that is still booked and has "
                    + "not started, as cancelAppointment would each (late inside the window unless staff waive it), "
                    + "in one transaction. Cancel a single occurrence with cancelAppointment.")
    @APIResponse(responseCode = "200", description = "The series after the cancellations")
    @APIResponse(responseCode = "400", description = "Missing reason")
    @APIResponse(responseCode = "403", description = "Waiving needs a staff role")
    @APIResponse(responseCode = "404", description = "No such series, or not the caller's")
    @APIResponse(responseCode = "422", description = "`from` is not an occurrence of this series")
    public SeriesResponse cancel(@PathParam("id") UUID id, @NotNull @Valid SeriesCancelRequest request) {
        return SeriesResponse.from(series.cancelFrom(id, Optional.ofNullable(request.from()), request.reason(),
                request.waiveLateCancellation(), currentCaller.get()));
    }

    @ServerExceptionMapper
    public Response conflict(SeriesConflictException e, UriInfo uri) {
        return HttpProblem.builder().withStatus(409).withTitle("Series not available").withDetail(e.getMessage())
                .withInstance(URI.create(uri.getPath()))
                .with("conflicts", e.conflicts().stream().map(c -> new OccurrenceConflict(
                        c.start().atZone(e.zone()).toOffsetDateTime(), c.reason(),
                        c.alternative().map(a -> a.atZone(e.zone()).toOffsetDateTime()).orElse(null))).toList())
                .build().toResponse();
    }
}
