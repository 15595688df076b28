package ca.bim.clinic.booking.webhooks.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import ca.bim.clinic.booking.events.domain.DeliveryAttempt;
import ca.bim.clinic.booking.events.domain.EventDelivery;
import ca.bim.clinic.booking.events.domain.EventTypes;
import ca.bim.clinic.booking.webhooks.domain.WebhookSubscription;

/** Request and response bodies of the webhook endpoints. */
public final class WebhookDtos {

    static final String EVENT_TYPE_PATTERN =
            "appointment\\.(booked|rescheduled|cancelled|checked-in|completed|no-show)|waitlist\\.offered";

    private WebhookDtos() {
    }

    public record WebhookRequest(
            @Schema(description = "https URL on a public address", examples = "https://partner.example.com/hooks/clinic")
            @NotBlank @Size(max = 2000) String url,
            @Schema(description = "Event types to receive")
            @NotEmpty @Size(max = 7) Set<@NotNull @Size(max = 40) @Pattern(regexp = EVENT_TYPE_PATTERN) String> eventTypes) {
    }

    /** A subscription; {@code secret} is present only in the answer to the registration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookResponse(UUID id, String url, List<String> eventTypes,
            @Schema(enumeration = { "active", "paused" }) String status, int consecutiveFailures, Instant pausedAt,
            Instant createdAt,
            @Schema(description = "Signing secret, shown once at registration; keep it safe") String secret) {

        static WebhookResponse from(WebhookSubscription s) {
            return new WebhookResponse(s.id, s.url, ordered(s.eventTypes), lower(s.status), s.consecutiveFailures,
                    s.pausedAt, s.createdAt, null);
        }

        static WebhookResponse withSecret(WebhookSubscription s) {
            return new WebhookResponse(s.id, s.url, ordered(s.eventTypes), lower(s.status), s.consecutiveFailures,
                    s.pausedAt, s.createdAt, s.secret);
        }

        private static List<String> ordered(Set<String> types) {
            return EventTypes.ALL.stream().filter(types::contains).toList();
        }
    }

    public record AttemptResponse(int attempt, Instant attemptedAt, Integer statusCode, String error,
            Instant nextAttemptAt) {

        static AttemptResponse from(DeliveryAttempt a) {
            return new AttemptResponse(a.attempt, a.attemptedAt, a.statusCode, a.error, a.nextAttemptAt);
        }
    }

    public record DeliveryResponse(UUID id, UUID eventId, String eventType, UUID appointmentId,
            @Schema(enumeration = { "pending", "delivered", "dead", "suppressed" }, description = "dead: refused by "
                    + "the receiver (4xx other than 408/429), waiting to be retried by hand; suppressed: not sent "
                    + "because the client did not share data with partners when it was due") String status,
            int attempts,
            @Schema(description = "When the next attempt is due (pending only)") Instant nextAttemptAt,
            Instant deliveredAt, Integer lastStatusCode, String lastError,
            @Schema(description = "Start of the receiver's answer to the last failed attempt") String lastResponse,
            List<AttemptResponse> history) {

        public static DeliveryResponse from(EventDelivery d, List<DeliveryAttempt> attempts) {
            return new DeliveryResponse(d.id, d.eventId, d.eventType, d.appointmentId, lower(d.status), d.attempts,
                    EventDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.deliveredAt, d.lastStatusCode,
                    d.lastError, d.lastResponse, attempts.stream().map(AttemptResponse::from).toList());
        }
    }

    /** Stored upper case; the API speaks the platform's lower-case status values. */
    static String lower(String status) {
        return status == null ? null : status.toLowerCase(java.util.Locale.ROOT);
    }
}
