package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/** What an operator relies on: one trace id across the parts, request ids, metrics, and no personal data in logs. */
@ExtendWith(SystemExtension.class)
class ObservabilityIT {

    private static final Path LOGS = Path.of("target/system-logs");

    private static Keycloak keycloak;

    @BeforeAll
    static void keycloak(RunningSystem system) {
        keycloak = new Keycloak(system.keycloakUrl());
    }

    @Test
    void oneTraceIdFollowsARequestThroughTheGatewayIntoEachService() {
        String token = keycloak.userToken("bob");
        for (String[] call : List.of(new String[] { "/api/v1/locations", "booking-service" },
                new String[] { "/api/v1/injuries", "injury-service" },
                new String[] { "/api/v1/clients/me", "client-service" })) {
            String traceId = HexFormat.of().formatHex(randomBytes(16));
            given().auth().oauth2(token)
                    .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                    .get(call[0]);
            String line = awaitLogLine(call[1], traceId);
            assertThat(line).as(call[1]).contains("\"traceId\":\"" + traceId + "\"").contains("\"requestId\"");
        }
    }

    @Test
    void requestIdIsReturnedAndReachesTheService() {
        String requestId = "it-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/api/v1/locations")
                .then().statusCode(200).header("X-Request-Id", requestId);
        assertThat(awaitLogLine("booking-service", requestId)).contains("\"requestId\":\"" + requestId + "\"");
    }

    @Test
    void logsHoldNoPersonalDataOfARequestThatCarriesSome() {
        String token = keycloak.userToken("bob");
        String requestId = "it-" + UUID.randomUUID();
        String email = "zebulon.quartermaine." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().auth().oauth2(token).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Zebulon\", \"lastName\": \"Quartermaine\", \"email\": \"" + email
                        + "\", \"dateOfBirth\": \"1984-02-29\"}")
                .post("/api/v1/clients");
        awaitLogLine("client-service", requestId);
        for (String part : List.of("gateway", "client-service")) {
            assertThat(read(part)).as(part).doesNotContain(email, "Quartermaine", "1984-02-29");
        }
    }

    @Test
    void everyPartPublishesPrometheusMetrics(RunningSystem system) {
        for (String part : List.of("booking-service", "injury-service", "client-service", "gateway")) {
            given().baseUri(system.managementUrl(part)).get("/q/metrics")
                    .then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
        }
        given().get("/api/v1/locations").then().statusCode(200);
        given().baseUri(system.managementUrl("gateway")).get("/q/metrics")
                .then().body(containsString("gateway_upstream_requests_seconds_count{status=\"200\",upstream=\"booking\"}"));
        given().baseUri(system.managementUrl("booking-service")).get("/q/metrics")
                .then().body(containsString("booking_outbox_lag_seconds"));
    }

    /** A Keycloak token checked once is reused by the gateway and by the service behind it, as their metrics show. */
    @Test
    void aVerifiedTokenIsReusedAtTheEdgeAndInTheService(RunningSystem system) {
        String token = keycloak.userToken("bob");
        double gatewayHits = tokenCacheHits(system, "gateway");
        double serviceHits = tokenCacheHits(system, "client-service");
        for (int call = 0; call < 3; call++) {
            given().auth().oauth2(token).get("/api/v1/clients/me");
        }
        assertThat(tokenCacheHits(system, "gateway") - gatewayHits).isGreaterThanOrEqualTo(2);
        assertThat(tokenCacheHits(system, "client-service") - serviceHits).isGreaterThanOrEqualTo(2);
    }

    private static double tokenCacheHits(RunningSystem system, String part) {
        String metrics = given().baseUri(system.managementUrl(part)).get("/q/metrics").asString();
        String prefix = "cache_gets_total{cache=\"verified-tokens\",result=\"hit\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Double.parseDouble(line.substring(prefix.length())))
                .orElseThrow(() -> new AssertionError(part + " publishes no verified-tokens cache metrics"));
    }

    @Test
    void thePublicPortServesNoMetrics(RunningSystem system) {
        given().baseUri(system.gatewayUrl()).get("/q/metrics").then().statusCode(404);
    }

    /** Log lines are flushed as they are written, but a few milliseconds after the response: poll briefly. */
    private static String awaitLogLine(String part, String needle) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        do {
            for (String line : read(part).split("\n")) {
                if (line.contains(needle)) {
                    return line;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("No log line of " + part + " contains " + needle);
    }

    private static String read(String part) {
        try {
            return Files.readString(LOGS.resolve(part + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
