package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** CORS is granted at the edge to the configured frontend origins only. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class CorsTest {

    static final String FRONTEND = "http://localhost:3000";

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.booking().stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")
                .withHeader("Access-Control-Allow-Origin", "*")));
    }

    @Test
    void preflightFromTheFrontendIsAnsweredAtTheEdge() {
        given().header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .options("/api/v1/appointments")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", is(FRONTEND))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        StubUpstreams.booking().verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")));
    }

    @Test
    void otherOriginsGetNoGrant() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/locations")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example").get("/api/v1/locations")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void actualRequestFromTheFrontendExposesEdgeHeaders() {
        given().header("Origin", FRONTEND).get("/api/v1/locations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", is(FRONTEND))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void upstreamCorsHeadersNeverReachTheCaller() {
        given().get("/api/v1/locations").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
