package ca.bim.clinic.booking.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ca.bim.clinic.booking.events.Dispatcher;
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
}
