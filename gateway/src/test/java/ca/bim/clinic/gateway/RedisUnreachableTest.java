package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** Redis configured but nobody listening: the gateway serves, limits locally, and tells operators. */
@QuarkusTest
@TestProfile(RedisUnreachableTest.RedisDown.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class RedisUnreachableTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.redis-url", "redis://127.0.0.1:" + closedPort(),
                    "gateway.rate-limit.anonymous.requests-per-minute", "3");
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.booking().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")));
    }

    @Test
    void callersAreServedAndLimitedByALocalBucket() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().get("/api/v1/locations").then().statusCode(200)
                    .header("RateLimit-Limit", is("3"))
                    .header("RateLimit-Remaining", is(Integer.toString(remaining)));
        }
        given().get("/api/v1/locations").then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void readinessStaysUpAndSaysLimitsAreLocal() {
        given().baseUri(management.toString()).get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rate-limit-store' }.status", is("UP"))
                .body("checks.find { it.name == 'rate-limit-store' }.data.redis", is("unavailable"))
                .body("checks.find { it.name == 'rate-limit-store' }.data.limits", is("local fallback per replica"));
    }

    @Test
    void metricsCountTheFallbacks() {
        // Allowed or not (the local budget is small), the decision was taken without Redis.
        given().get("/openapi");
        given().baseUri(management.toString()).get("/metrics").then()
                .body(containsString("gateway_rate_limit_redis_available 0.0"))
                .body(matchesPattern("(?s).*gateway_rate_limit_fallbacks_total [1-9][0-9]*\\.0.*"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
