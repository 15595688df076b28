package ca.bim.clinic.booking.webhooks.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ca.bim.clinic.booking.webhooks.domain.WebhookSubscription;
import ca.bim.clinic.booking.webhooks.rest.WebhookDtos.DeliveryResponse;
import ca.bim.clinic.booking.webhooks.rest.WebhookDtos.WebhookRequest;
import ca.bim.clinic.booking.webhooks.rest.WebhookDtos.WebhookResponse;
import ca.bim.clinic.booking.webhooks.service.WebhookService;
import ca.bim.clinic.common.rest.Created;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.security.RequestCaller;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Appointment events pushed to partner systems, signed with HMAC-SHA256")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "partner", "admin" })
public class WebhookResource {

    @Inject WebhookService webhooks;
    @Inject RequestCaller currentCaller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook", summary = "Register a webhook", description = "Each delivery is a POST of one event envelope, signed "
            + "as the Standard Webhooks specification defines: headers `webhook-id` (the event id, the same on every "
            + "retry, for de-duplication), `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 "
            + "HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<body>\" keyed with the base64-decoded part of the "
            + "secret after whsec_>`. A partner receives the events of the appointments it booked while the client "
            + "shares data with partners (consent checked when each delivery is due); an admin those of all "
            + "appointments. The URL must be https to a public address. The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Registered; the answer holds the signing secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookResponse.class)),
            headers = @Header(name = "Location", description = "URL of the subscription"))
    @APIResponse(responseCode = "400", description = "Missing URL, no or unknown event types")
    @APIResponse(responseCode = "409", description = "The caller already has the maximum number of webhooks")
    @APIResponse(responseCode = "422", description = "URL not allowed (not https, or not a public address)")
    public Response register(@NotNull @Valid WebhookRequest request, @Context UriInfo uri) {
        WebhookSubscription subscription = webhooks.register(request.url(), request.eventTypes(), currentCaller.get());
        return Created.at(uri, subscription.id, WebhookResponse.withSecret(subscription)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks", description = "A partner's own; an admin sees all.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, oldest first")
    public PageResponse<WebhookResponse> list(@Valid @BeanParam PageRequest page) {
        return PageResponse.of(webhooks.list(currentCaller.get()), page, WebhookResponse::from);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook",
            description = "One of the calling partner's subscriptions with its delivery state; admins see every partner's.")
    @APIResponse(responseCode = "200", description = "The subscription (without its secret)")
    @APIResponse(responseCode = "404", description = "No such subscription, or another partner's")
    public WebhookResponse get(@PathParam("id") UUID id) {
        return WebhookResponse.from(webhooks.visible(id, currentCaller.get()));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(operationId = "resumeWebhook", summary = "Resume a paused webhook", description = "Deliveries that waited while it was paused "
            + "are sent again, in order.")
    @APIResponse(responseCode = "200", description = "Active again")
    @APIResponse(responseCode = "404", description = "No such subscription, or another partner's")
    public WebhookResponse resume(@PathParam("id") UUID id) {
        return WebhookResponse.from(webhooks.resume(id, currentCaller.get()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook", description = "Pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such subscription, or another partner's")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id, currentCaller.get());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook's signing secret", description = "Issues a new secret, returned in this "
            + "answer only. For 24 hours deliveries carry two signatures, one per secret, in the "
            + "`webhook-signature` header (space separated), so the receiver can switch over without losing one.")
    @APIResponse(responseCode = "200", description = "The subscription with its new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription, or another partner's")
    public WebhookResponse rotateSecret(@PathParam("id") UUID id) {
        return WebhookResponse.withSecret(webhooks.rotateSecret(id, currentCaller.get()));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery", summary = "Retry a dead delivery", description = "A delivery the receiver refused (a 4xx other than "
            + "408 or 429) is not retried on its own: it is DEAD, with the receiver's answer. Once the receiver is "
            + "fixed, this sends it again at once (a pending one is made due now).")
    @APIResponse(responseCode = "200", description = "Queued again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such subscription or delivery, or another partner's")
    @APIResponse(responseCode = "409", description = "Already delivered, or suppressed because the client does not "
            + "share data")
    public DeliveryResponse retry(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        var delivery = webhooks.retry(id, deliveryId, currentCaller.get());
        return DeliveryResponse.from(delivery, webhooks.attempts(delivery.id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Deliveries of a webhook", description = "Newest event first, with every attempt (time, "
            + "HTTP status, error), when the next attempt is due and, for a dead delivery, the start of the "
            + "receiver's answer.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription, or another partner's")
    public PageResponse<DeliveryResponse> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return PageResponse.of(webhooks.deliveries(id, currentCaller.get()), page,
                d -> DeliveryResponse.from(d, webhooks.attempts(d.id)));
    }
}
