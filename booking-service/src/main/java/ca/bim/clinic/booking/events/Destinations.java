package ca.bim.clinic.booking.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import ca.bim.clinic.booking.webhooks.WebhookSignature;
import ca.bim.clinic.booking.webhooks.WebhookUrlPolicy;
import ca.bim.clinic.booking.webhooks.WebhooksConfig;

/** Sends one envelope to its destination; any 2xx counts as delivered. */
@ApplicationScoped
public class Destinations {

    /** What happened: an HTTP status if the destination answered, else an error. */
    public record Outcome(Integer statusCode, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final ClientServiceEventsApi clientService;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;
    private final HttpClient http;
    private final EventsConfig config;

    Destinations(@RestClient ClientServiceEventsApi clientService, WebhooksConfig webhooks, Clock clock,
            EventsConfig config) {
        this.clientService = clientService;
        this.urlPolicy = new WebhookUrlPolicy(webhooks.allowLoopbackHttp());
        this.clock = clock;
        this.config = config;
        // Redirects are not followed: a redirect to an internal address would get round the URL policy.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.dispatch().requestTimeout()).build();
    }

    public Outcome send(DeliveryStore.Claimed delivery) {
        return delivery.toClientService() ? toClientService(delivery.payload()) : toWebhook(delivery);
    }

    private Outcome toClientService(String payload) {
        try (Response response = clientService.deliver(payload)) {
            return new Outcome(response.getStatus(), null);
        } catch (WebApplicationException e) {
            return new Outcome(e.getResponse().getStatus(), "client-service answered " + e.getResponse().getStatus());
        } catch (RuntimeException e) {
            return new Outcome(null, describe(e));
        }
    }

    private Outcome toWebhook(DeliveryStore.Claimed delivery) {
        Optional<String> refusal = urlPolicy.refusal(delivery.url());
        if (refusal.isPresent()) {
            return new Outcome(null, "URL refused: it " + refusal.get());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(config.dispatch().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "clinic-booking-webhooks/1")
                .header(WebhookSignature.ID_HEADER, delivery.eventId().toString())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(delivery.secret(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "receiver answered " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
