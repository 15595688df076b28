package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** nosniff on every answer, no-store on clinical ones whatever the upstream said, and no HSTS over plain http. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class ResponseHeadersTest {

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        for (var upstream : new com.github.tomakehurst.wiremock.WireMockServer[] { StubUpstreams.booking(),
                StubUpstreams.client() }) {
            // An upstream that would let anything cache its answers.
            upstream.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "public, max-age=3600")
                    .withBody("{}")));
        }
    }

    @Test
    void clinicalAnswersAreNeverStored() {
        String token = Tokens.of("alice", "sub-alice", "client");
        for (String path : new String[] { "/api/v1/clients/me", "/api/v1/clients", "/api/v1/appointments",
                "/api/v1/appointments/7f1c2a34-0000-4000-8000-000000000001" }) {
            given().auth().oauth2(token).get(path).then().statusCode(200)
                    .header("Cache-Control", is("no-store"))
                    .header("X-Content-Type-Options", is("nosniff"));
        }
    }

    @Test
    void clinicalErrorsAndRejectionsAreNeverStoredEither() {
        given().get("/api/v1/clients/me").then().statusCode(401)
                .header("Cache-Control", is("no-store"))
                .header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void catalogueAnswersKeepTheUpstreamsCachingButAreNosniff() {
        given().get("/api/v1/locations").then().statusCode(200)
                .header("Cache-Control", is("public, max-age=3600"))
                .header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void everyOtherAnswerIsNosniffToo() {
        given().get("/no/such/route").then().statusCode(404).header("X-Content-Type-Options", is("nosniff"));
        given().get("/openapi").then().statusCode(200).header("X-Content-Type-Options", is("nosniff"));
        given().get("/q/health/ready").then().header("X-Content-Type-Options", is("nosniff"));
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/clients/me").then().header("X-Content-Type-Options", is("nosniff"));
    }

    @Test
    void noHstsOverPlainHttpUnlessConfigured() {
        given().get("/api/v1/locations").then().header("Strict-Transport-Security", nullValue());
    }
}
