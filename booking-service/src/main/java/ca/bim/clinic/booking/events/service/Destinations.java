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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    private final ObjectMapper json;

    Destinations(ClientServiceEvents clientService, WebhooksConfig webhooks, Clock clock, EventsConfig config,
            ObjectMapper json) {
        this.clientService = clientService;
        this.json = json;
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


    /**
     * Several events to client-service in one request (one token check and one round trip for all of them), with an
     * outcome per delivery in order. A client-service without the batch endpoint (404/405, during a rolling update)
     * gets them one by one. A refusal of the batch as a whole is not any one event's fault, so it counts as a
     * failure to retry rather than a refusal that would dead-letter them all.
     */
    public List<Outcome> toClientService(List<DeliveryStore.Claimed> deliveries) {
        if (deliveries.size() == 1) {
            return List.of(toClientService(deliveries.get(0).payload()));
        }
        String body = deliveries.stream().map(DeliveryStore.Claimed::payload)
                .collect(Collectors.joining(",", "[", "]"));
        Outcome whole = exchange(() -> clientService.deliverAll(body, deadline));
        if (whole.delivered()) {
            List<Outcome> each = perEnvelope(whole.response(), deliveries.size());
            if (each != null) {
                return each;
            }
            whole = new Outcome(null, "client-service answered the batch without a status for each event", null);
        } else if (whole.statusCode() != null && (whole.statusCode() == 404 || whole.statusCode() == 405)) {
            return deliveries.stream().map(d -> toClientService(d.payload())).toList();
        } else if (DeliveryStore.refused(whole.statusCode())) {
            whole = new Outcome(null, "client-service refused the batch with " + whole.statusCode(), whole.response());
        }
        return java.util.Collections.nCopies(deliveries.size(), whole);
    }

    private Outcome toClientService(String payload) {
        Outcome outcome = exchange(() -> clientService.deliver(payload, deadline));
        Integer status = outcome.statusCode();
        if (status != null && (status == 401 || status == 403)) {
            // Our own credentials were refused (an expired or unknown token, a missing role): not this event's
            // fault, so it is retried with backoff, and the outbox lag shows it, instead of dead-lettering it.
            return new Outcome(null, "client-service refused booking-service's credentials with " + status,
                    outcome.response());
        }
        return outcome;
    }

    /** One exchange with client-service within the deadline; a 2xx keeps its body (a batch's statuses). */
    private Outcome exchange(java.util.function.Supplier<ClientServiceEvents.Answer> call) {
        try {
            ClientServiceEvents.Answer answer = call.get();
            int status = answer.status();
            return status >= 200 && status < 300 ? new Outcome(status, null, answer.body()) : outcome(status, answer.body());
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return new Outcome(null, "no complete answer within the " + deadline.toMillis() + " ms deadline", null);
        } catch (RuntimeException e) {
            return new Outcome(null, describe(e), null);
        }
    }

    /** The statuses of a batch answer as outcomes, or null if the answer does not have one per envelope. */
    private List<Outcome> perEnvelope(String answer, int expected) {
        try {
            JsonNode results = json.readTree(answer == null ? "" : answer).path("results");
            if (!results.isArray() || results.size() != expected) {
                return null;
            }
            List<Outcome> outcomes = new ArrayList<>(expected);
            for (JsonNode result : results) {
                int status = result.path("status").asInt(0);
                outcomes.add(status >= 200 && status < 300 ? new Outcome(status, null, null)
                        : outcome(status, result.toString()));
            }
            return outcomes;
        } catch (java.io.IOException e) {
            return null;
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
