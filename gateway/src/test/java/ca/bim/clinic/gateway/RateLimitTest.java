package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** Bucket4j limits per identity and per IP, with the RateLimit headers on every answer and 429 beyond. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class RateLimitTest {

    /** The management interface's root, {@code /q} on a random port in tests. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.anonymous.requests-per-minute", "3",
                    "gateway.rate-limit.authenticated.requests-per-minute", "5");
        }
    }

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.booking().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")));
    }

    @Test
    void identityGetsItsOwnBudgetWithHeadersOnEveryAnswer() {
        String token = token(UUID.randomUUID().toString(), "clinic-web");
        for (int remaining = 4; remaining >= 0; remaining--) {
            given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200)
                    .header("RateLimit-Limit", is("5"))
                    .header("RateLimit-Remaining", is(Integer.toString(remaining)))
                    .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
        }
        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", is(429)).body("title", is("Too Many Requests"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", is("5"))
                .header("RateLimit-Remaining", is("0"))
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"));
        StubUpstreams.booking().verify(5, getRequestedFor(urlPathMatching("/api/v1/appointments")));
    }

    @Test
    void sameUserThroughAnotherAppHasASeparateBudget() {
        String subject = UUID.randomUUID().toString();
        String web = token(subject, "clinic-web");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(web).get("/api/v1/appointments").then().statusCode(200);
        }
        given().auth().oauth2(web).get("/api/v1/appointments").then().statusCode(429);
        given().auth().oauth2(token(subject, "partner-demo")).get("/api/v1/appointments").then().statusCode(200)
                .header("RateLimit-Remaining", is("4"));
    }

    @Test
    void anonymousCallsAreCountedPerIpAndDoNotTouchIdentities() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().get("/api/v1/locations").then().statusCode(200)
                    .header("RateLimit-Limit", is("3"))
                    .header("RateLimit-Remaining", is(Integer.toString(remaining)));
        }
        given().get("/api/v1/locations").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // No proxy is trusted by default: claiming another address changes nothing.
        given().header("X-Forwarded-For", "203.0.113.7").get("/api/v1/locations").then().statusCode(429);
        // Rejected calls carry the headers too, including 401s for bad tokens (counted against the IP).
        given().header("Authorization", "Bearer not.a-jwt").get("/api/v1/locations").then().statusCode(429)
                .header("RateLimit-Remaining", is("0"));
        // A signed-in caller on the same IP has its own budget.
        given().auth().oauth2(token(UUID.randomUUID().toString(), "clinic-web")).get("/api/v1/locations")
                .then().statusCode(200).header("RateLimit-Limit", is("5"));
        // Operators see the rejections.
        given().baseUri(management.toString()).get("/metrics").then().statusCode(200)
                .body(containsString("gateway_rate_limit_rejections_total{caller=\"anonymous\""));
    }

    private static String token(String subject, String azp) {
        return OidcWiremockTestResource.generateJwtToken("alice", Set.of("client"), subject, "Bearer",
                Set.of(Tokens.AUDIENCE), Map.of("azp", azp));
    }
}
