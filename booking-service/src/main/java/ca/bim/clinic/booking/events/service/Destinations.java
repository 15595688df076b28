package ca.bim.clinic.booking.events.service;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.events.client.ClientServiceEvents;
import ca.bim.clinic.booking.events.config.EventsConfig;
import ca.bim.clinic.booking.webhooks.config.WebhooksConfig;
import ca.bim.clinic.booking.webhooks.domain.WebhookSignature;
import ca.bim.clinic.booking.webhooks.domain.WebhookUrlPolicy;

/**
 * Sends one envelope to its destination within the attempt deadline; any 2xx counts as delivered. The deadline
 * covers the whole exchange, body included: a receiver that answers its headers at once and then trickles the body
 * is cut off when it runs out, so it can hold one worker for at most that long.
 */
@ApplicationScoped
public class Destinations {

    /** Kept of a receiver's answer, for the dead-letter view. */
    private static final int RESPONSE_KEPT = 2000;

    /** What happened: an HTTP status if the destination answered, else an error; the start of the answer. */
    public record Outcome(Integer statusCode, String error, String response) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final ClientServiceEvents clientService;
    private final WebhookUrlPolicy urlPolicy;
    private final Clock clock;
    private final HttpClient http;
    private final Duration deadline;

    Destinations(ClientServiceEvents clientService, WebhooksConfig webhooks, Clock clock,
            EventsConfig config) {
        this.clientService = clientService;
        this.urlPolicy = new WebhookUrlPolicy(webhooks.allowLoopbackHttp());
        this.clock = clock;
        this.deadline = config.dispatch().attemptDeadline();
        // Redirects are not followed: a redirect to an internal address would get round the URL policy.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(deadline)
                .build();
    }

    public Outcome send(DeliveryStore.Claimed delivery) {
        return delivery.toClientService() ? toClientService(delivery.payload()) : toWebhook(delivery);
    }

    private Outcome toClientService(String payload) {
        try {
            ClientServiceEvents.Answer answer = clientService.deliver(payload, deadline);
            return outcome(answer.status(), answer.body());
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return new Outcome(null, "no complete answer within the " + deadline.toMillis() + " ms deadline", null);
        } catch (RuntimeException e) {
            return new Outcome(null, describe(e), null);
        }
    }

    private Outcome toWebhook(DeliveryStore.Claimed delivery) {
        Optional<String> refusal = urlPolicy.refusal(delivery.url());
        if (refusal.isPresent()) {
            return new Outcome(null, "URL refused: it " + refusal.get(), null);
        }
        long timestamp = clock.instant().getEpochSecond();
        String msgId = delivery.eventId().toString();
        List<String> secrets = delivery.previousSecret() == null ? List.of(delivery.secret())
                : List.of(delivery.secret(), delivery.previousSecret());
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(deadline)
                .header("Content-Type", "application/json")
                .header("User-Agent", "clinic-booking-webhooks/1")
                .header(WebhookSignature.ID_HEADER, msgId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(secrets, msgId, timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, info -> new Kept());
        try {
            HttpResponse<String> response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return outcome(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true); // closes the connection; the trickling receiver is not read any further
            return new Outcome(null, "no complete answer within the " + deadline.toMillis() + " ms deadline", null);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", null);
        } catch (ExecutionException e) {
            return new Outcome(null, describe(e.getCause() == null ? e : e.getCause()), null);
        } catch (RuntimeException e) {
            return new Outcome(null, describe(e), null);
        }
    }

    private static Outcome outcome(int status, String body) {
        boolean ok = status >= 200 && status < 300;
        return new Outcome(status, ok ? null : "receiver answered " + status, ok ? null : body);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Reads the whole answer (the deadline bounds how long) but keeps only its start. */
    private static final class Kept implements HttpResponse.BodySubscriber<String> {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer buffer : items) {
                int room = RESPONSE_KEPT - kept.size();
                if (room > 0) {
                    byte[] bytes = new byte[Math.min(room, buffer.remaining())];
                    buffer.get(bytes);
                    kept.write(bytes, 0, bytes.length);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(kept.toString(StandardCharsets.UTF_8));
        }
    }
}
