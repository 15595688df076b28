package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** booking-service is stopped (its port refuses), injury-service can be slow, client-service can fail. */
@QuarkusTest
@TestProfile(UpstreamFailureTest.ShortTimeouts.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(value = StubUpstreams.class, initArgs = @ResourceArg(name = "down", value = "booking"))
class UpstreamFailureTest {

    /** The management interface's root, {@code /q} on a random port in tests. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstreams.injury.timeout", "300ms",
                    "gateway.circuit-breaker.request-volume-threshold", "4",
                    "gateway.circuit-breaker.delay", "2s");
        }
    }

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
    }

    @Test
    void stoppedUpstreamIsProblem503() {
        given().get("/api/v1/locations").then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", is(503)).body("title", is("Service Unavailable"))
                .body("detail", containsString("booking")).body("instance", is("/api/v1/locations"));
        given().auth().oauth2(Tokens.of("alice", "sub-alice", "client")).contentType("application/json").body("{}")
                .post("/api/v1/appointments").then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void slowUpstreamIsProblem504AfterItsTimeout() {
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/slow").willReturn(okJson("{}").withFixedDelay(3_000)));
        given().get("/api/v1/injuries/slow").then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", is(504)).body("title", is("Gateway Timeout")).body("detail", containsString("injury"));
    }

    @Test
    void circuitOpensOnAFailingUpstreamAndClosesWhenItRecovers() {
        String token = Tokens.of("alice", "sub-alice", "client");
        StubUpstreams.client().stubFor(get("/api/v1/clients/me").willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"database down\"}")));
        // The service's own 503s are relayed until the breaker has seen enough of them (window of 4, half failed).
        int calls = 0;
        boolean open = false;
        while (!open) {
            assertThat(++calls).as("breaker still closed after %d failing calls", calls - 1).isLessThanOrEqualTo(5);
            String detail = given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(503)
                    .contentType("application/problem+json").extract().path("detail");
            open = !"database down".equals(detail);
        }
        int upstreamCalls = StubUpstreams.client().findAll(getRequestedFor(urlEqualTo("/api/v1/clients/me"))).size();
        assertThat(upstreamCalls).isEqualTo(calls - 1);
        StubUpstreams.client().stubFor(get("/api/v1/clients/me").willReturn(okJson("{\"id\":\"me\"}")));

        // Open: answered at the edge, the service is not called.
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("paused"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        StubUpstreams.client().verify(upstreamCalls, getRequestedFor(urlEqualTo("/api/v1/clients/me")));
        // Operators see it (the alert rule UpstreamCircuitOpen watches this gauge).
        given().baseUri(management.toString()).get("/metrics").then()
                .body(containsString("gateway_upstream_circuit_breaker_open{upstream=\"client\"} 1.0"));

        // After the delay a trial call goes through and closes it again.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200).body("id", is("me")));
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);
    }

    @Test
    void callersHangingUpDoNotOpenTheCircuit() throws Exception {
        StubUpstreams.client().stubFor(get("/api/v1/clients/slow").willReturn(okJson("{}").withFixedDelay(5_000)));
        StubUpstreams.client().stubFor(get("/api/v1/clients/fast").willReturn(okJson("{\"ok\":true}")));
        String token = Tokens.of("alice", "sub-alice", "client");
        int port = RestAssured.port;
        for (int i = 1; i <= 6; i++) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.getOutputStream().write(("GET /api/v1/clients/slow HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                int sent = i;
                await().atMost(Duration.ofSeconds(10)).until(() -> StubUpstreams.client()
                        .findAll(getRequestedFor(urlEqualTo("/api/v1/clients/slow"))).size() == sent);
            }
        }
        // Had the six cancelled calls counted as failures, the breaker would now be open and answer 503.
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() ->
                given().auth().oauth2(token).get("/api/v1/clients/fast").statusCode() == 200);
    }

    @Test
    void careOptionsKeepTheInjuryWhenBookingIsDown() {
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/hamstring-strain").willReturn(okJson("""
                {"slug":"hamstring-strain","name":"Hamstring strain","summary":"A tear of the muscles behind the thigh.",
                 "recommendedAppointmentTypes":["sports-massage-60","kinesiology-assessment"]}""")));
        given().get("/api/v1/injuries/hamstring-strain/care-options").then().statusCode(200)
                .contentType("application/json")
                .body("injury.slug", is("hamstring-strain"))
                .body("injury.name", is("Hamstring strain"))
                .body("injury.summary", is("A tear of the muscles behind the thigh."))
                .body("availability.status", is("unavailable"))
                .body("appointmentTypes.code", hasItems("sports-massage-60", "kinesiology-assessment"))
                .body("appointmentTypes[0].priceCad", nullValue());
    }

    @Test
    void committedContractIsServedUntilEveryServiceHasAnswered() throws Exception {
        // booking-service never answers here: a merge of the live documents would lack its paths.
        ObjectMapper json = new ObjectMapper();
        var served = json.readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        assertThat(served.path("paths").has("/api/v1/locations")).isTrue();
        assertThat(served).isEqualTo(json.readTree(Files.readString(Path.of("src/main/openapi/openapi.json"))));
    }

    @Test
    void readinessReportsEachUpstream() {
        given().baseUri(management.toString()).get("/health/ready").then().statusCode(503)
                .body("status", is("DOWN"))
                .body("checks.find { it.name == 'upstream-booking' }.status", is("DOWN"))
                .body("checks.find { it.name == 'upstream-injury' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-client' }.status", is("UP"));
        given().baseUri(management.toString()).get("/health/live").then().statusCode(200);
        // The public port says DOWN and nothing about why.
        given().get("/q/health/ready").then().statusCode(503).body(is("{\"status\":\"DOWN\"}"));
    }
}
