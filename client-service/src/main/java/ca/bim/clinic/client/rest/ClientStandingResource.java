package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import ca.bim.clinic.client.domain.FeedPosition;
import ca.bim.clinic.client.security.ServiceRoles;
import ca.bim.clinic.client.service.StandingFeed;
import ca.bim.clinic.common.error.InvalidInput;
import ca.bim.clinic.common.error.NotFound;

/**
 * The standing feed for booking-service's local view of clients (contract in the README). Internal: outside
 * {@code /api/v1}, so the gateway never routes it, and hidden from the public contract.
 */
@Path("/internal/v1/client-standing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceRoles.CLIENT_STANDING_READ)
public class ClientStandingResource {

    @Inject StandingFeed feed;

    /** A client's full standing after one committed change. */
    public record Item(String position, UUID clientId, String subject, String status, List<String> consents,
            Instant changedAt) {

        static Item from(StandingFeed.Standing standing) {
            return new Item(standing.position().toString(), standing.row().clientId(), standing.row().subject(),
                    standing.row().status(), standing.row().consents(), standing.row().changedAt());
        }
    }

    public record Page(List<Item> items, String next) {
    }

    @GET
    @Operation(hidden = true)
    public Page feed(@QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        FeedPosition from = after == null ? FeedPosition.START : FeedPosition.parse(after)
                .orElseThrow(() -> new InvalidInput("`after` is not a cursor of this feed; pass a `next` value from an earlier answer"));
        StandingFeed.Page page = feed.after(from, limit);
        return new Page(page.items().stream().map(Item::from).toList(), page.next().toString());
    }

    @GET
    @Path("/{clientId}")
    @Operation(hidden = true)
    public Item one(@PathParam("clientId") UUID clientId) {
        return feed.of(clientId).map(Item::from)
                .orElseThrow(() -> new NotFound("No client record with this id"));
    }
}
