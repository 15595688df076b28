package ca.bim.clinic.booking.events.rest;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.events.service.DeliveryReplay;
import ca.bim.clinic.booking.webhooks.rest.WebhookDtos.DeliveryResponse;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

/** Admins' view of the deliveries to client-service (internal events), with replay of dead letters. */
@Path("/api/v1/events/deliveries")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class InternalDeliveryResource {

    @Inject DeliveryReplay replay;

    @GET
    @Operation(operationId = "listInternalDeliveries", summary = "Deliveries to client-service",
            description = "By status, newest event first; dead ones (refused with a 4xx other than 408/429) carry "
                    + "client-service's answer and wait to be retried by hand.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Unknown status or invalid paging")
    public PageResponse<DeliveryResponse> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "pending", "delivered", "dead" },
                    defaultValue = "dead"))
            @QueryParam("status") @DefaultValue("dead")
            @Pattern(regexp = "pending|delivered|dead", message = "must be pending, delivered or dead") String status,
            @Valid @BeanParam PageRequest page) {
        return PageResponse.of(replay.toClientService(status.toUpperCase(Locale.ROOT)), page,
                d -> DeliveryResponse.from(d, replay.attempts(d.id)));
    }

    @POST
    @Path("/{deliveryId}/retry")
    @Operation(operationId = "retryInternalDelivery", summary = "Retry a dead delivery to client-service")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No such delivery to client-service")
    @APIResponse(responseCode = "409", description = "Already delivered")
    public DeliveryResponse retry(@PathParam("deliveryId") UUID deliveryId) {
        EventDelivery delivery = replay.retry(deliveryId, EventDelivery.CLIENT_SERVICE);
        return DeliveryResponse.from(delivery, replay.attempts(delivery.id));
    }

}
