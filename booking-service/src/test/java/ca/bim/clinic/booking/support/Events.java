package ca.bim.clinic.booking.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.persistence.EntityManager;

import ca.bim.clinic.booking.events.service.Dispatcher;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Helpers for event and webhook tests. */
public final class Events {

    private Events() {
    }

    /** Runs dispatch passes until nothing due is left (failed deliveries wait for their next attempt). */
    public static void dispatchUntilIdle(Dispatcher dispatcher) {
        for (int i = 0; i < 50 && dispatcher.runOnce() > 0; i++) {
            // next pass
        }
    }

    /** Lets every backoff (at most the retry cap) run out. */
    public static void advancePastBackoff(FixedClock clock) {
        clock.set(clock.instant().plus(Duration.ofHours(1)));
    }

    /** Registers a webhook as {@code token}; returns id and secret. */
    public static Map<String, String> register(String token, String url, List<String> types) {
        var response = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types))
                .post("/api/v1/webhooks").then().statusCode(201).extract();
        return Map.of("id", response.path("id"), "secret", response.path("secret"));
    }

    /**
     * Sets booking-service's view of a client's standing, as the standing feed from client-service would: active,
     * with or without data-sharing consent.
     */
    public static void standing(UUID clientId, boolean dataSharing) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("""
                        INSERT INTO client_standing (client_id, subject, status, data_sharing, position, updated_at)
                        VALUES (:id, NULL, 'active', :sharing, NULL, now())
                        ON CONFLICT (client_id) DO UPDATE SET data_sharing = EXCLUDED.data_sharing,
                                                              updated_at = EXCLUDED.updated_at
                        """).setParameter("id", clientId).setParameter("sharing", dataSharing).executeUpdate());
    }

    /** A new client id whose standing says active and sharing data with partners. */
    public static UUID sharingClient() {
        UUID id = UUID.randomUUID();
        standing(id, true);
        return id;
    }

    /** Polls the condition until it holds; an assertion error once {@code limit} has passed. */
    public static void waitUntil(BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + limit);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
