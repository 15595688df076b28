package ca.bim.clinic.booking.events.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import ca.bim.clinic.booking.events.domain.EventEnvelope;
import ca.bim.clinic.booking.events.service.EventFeed;
import ca.bim.clinic.booking.events.service.FeedCursor;
import ca.bim.clinic.common.error.InvalidInput;
import ca.bim.clinic.common.security.RequestCaller;

@Path("/api/v1/events")
@Tag(name = "Events", description = "Catch-up reading of appointment events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** Events in order; pass {@code next} as {@code after} to read on while {@code hasMore}. */
    public record EventPage(
            @Schema(required = true, type = SchemaType.ARRAY, implementation = EventEnvelope.class)
            List<JsonNode> items,
            @Schema(required = true, description = "Opaque cursor: pass it as `after` to read the events that follow. "
                    + "Equals `after` when `items` is empty. Do not parse it; its content may change.")
            String next,
            @Schema(required = true) boolean hasMore) {
    }

    @Inject EventFeed feed;
    @Inject RequestCaller currentCaller;

    @GET
    @RolesAllowed({ "partner", "admin" })
    @Operation(operationId = "listEvents", summary = "Events after a cursor", description = "The same envelopes "
            + "webhooks deliver, in a stable order that never changes behind a reader, so a partner that missed "
            + "deliveries can resynchronise. A partner reads the events of the appointments it booked, and only "
            + "while the client shares data with partners (data-sharing consent, checked at read time); an admin "
            + "reads all. Events are kept for the retention period (default 30 days); a cursor older than that is "
            + "410 Gone and the reader starts again without `after`.")
    @APIResponse(responseCode = "200", description = "Up to `limit` events following `after`")
    @APIResponse(responseCode = "400", description = "Unreadable `after` or `limit` out of range")
    @APIResponse(responseCode = "410", description = "`after` points before events removed by retention")
    public EventPage events(
            @Parameter(description = "Opaque cursor: the `next` of the previous page; absent to start from the "
                    + "oldest event kept")
            @QueryParam("after") @Size(max = 80) String after,
            @Parameter(description = "Page size, 1 to 500", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100")
            @Pattern(regexp = "[1-9][0-9]?|[1-4][0-9]{2}|500", message = "must be a number from 1 to 500") @Size(max = 200)
            String limit) {
        FeedCursor cursor = null;
        if (after != null && !after.isEmpty()) {
            cursor = FeedCursor.decode(after).orElseThrow(() -> new InvalidInput("`after` is not a cursor from this feed; pass the `next` of a previous page"));
        }
        EventFeed.Slice slice = feed.after(cursor, Integer.parseInt(limit), currentCaller.get());
        return new EventPage(slice.events(), slice.next().encode(), slice.more());
    }
}
