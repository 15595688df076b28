package ca.bim.clinic.booking.events;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import ca.bim.clinic.booking.rest.CurrentCaller;

@Path("/api/v1/events")
@Tag(name = "Events", description = "Catch-up reading of appointment events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** Events in order; pass the id of the last one as {@code after} to read on while {@code hasMore}. */
    public record EventPage(
            @Schema(type = SchemaType.ARRAY, implementation = EventEnvelope.class) List<JsonNode> items,
            @Schema(description = "Id of the last event of this page, to pass as `after` next", nullable = true)
            UUID lastEventId,
            boolean hasMore) {
    }

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final EventFeed feed;
    private final CurrentCaller currentCaller;

    EventResource(EventFeed feed, CurrentCaller currentCaller) {
        this.feed = feed;
        this.currentCaller = currentCaller;
    }

    @GET
    @RolesAllowed({ "partner", "admin" })
    @Operation(operationId = "listEvents", summary = "Events after a given one", description = "The same envelopes webhooks deliver, in the "
            + "order they were committed, so a partner that missed deliveries can resynchronise. A partner reads the "
            + "events of the appointments it booked; an admin all.")
    @APIResponse(responseCode = "200", description = "Up to `limit` events following `after`")
    @APIResponse(responseCode = "400", description = "Malformed `after` or `limit` out of range")
    @APIResponse(responseCode = "403", description = "Not a partner or admin")
    @APIResponse(responseCode = "404", description = "`after` names no event the caller can read")
    public EventPage events(
            @Parameter(description = "Id of the last event already processed; absent to start from the beginning")
            @QueryParam("after") @Pattern(regexp = UUID_PATTERN, message = "must be an event id (UUID)") @Size(max = 200) String after,
            @Parameter(description = "Page size, 1 to 500", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100")
            @Pattern(regexp = "[1-9][0-9]?|[1-4][0-9]{2}|500", message = "must be a number from 1 to 500") @Size(max = 200)
            String limit) {
        UUID afterId = after == null || after.isEmpty() ? null : UUID.fromString(after);
        EventFeed.Slice slice = feed.after(afterId, Integer.parseInt(limit), currentCaller.get());
        List<JsonNode> events = slice.events();
        UUID last = events.isEmpty() ? afterId : UUID.fromString(events.get(events.size() - 1).path("id").asText());
        return new EventPage(events, last, slice.more());
    }
}
