package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class ProxyRoutingTest {

    /** The management interface's root, {@code /q} on a random port in tests. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.booking().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{\"from\":\"booking\"}")));
        StubUpstreams.injury().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{\"from\":\"injury\"}")));
        StubUpstreams.client().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{\"from\":\"client\"}")));
        StubUpstreams.fhir().stubFor(any(urlPathMatching("/fhir/r4/.*")).willReturn(okJson("{\"from\":\"fhir\"}")));
    }

    @Test
    void fhirPathsGoToTheFhirService() {
        given().get("/fhir/r4/metadata").then().statusCode(200).body("from", is("fhir"));
        given().queryParam("service-type", "sports-massage-60").get("/fhir/r4/Slot").then().statusCode(200)
                .body("from", is("fhir"));
        String token = Tokens.of("partner-demo", "sub-partner", "partner");
        given().auth().oauth2(token).contentType("application/fhir+json").body("{}").post("/fhir/r4/Appointment")
                .then().statusCode(200).body("from", is("fhir"));
    }

    @Test
    void edgeErrorsOnFhirPathsAreOperationOutcomes() {
        given().contentType("application/fhir+json").body("{}").post("/fhir/r4/Appointment").then().statusCode(401)
                .contentType("application/fhir+json")
                .body("resourceType", is("OperationOutcome"))
                .body("issue[0].severity", is("error"))
                .body("issue[0].code", is("login"));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eachPrefixGoesToItsService() {
        for (String path : new String[] { "/api/v1/locations", "/api/v1/practitioners/abc", "/api/v1/appointment-types",
                "/api/v1/availability" }) {
            given().get(path).then().statusCode(200).body("from", is("booking"));
        }
        given().get("/api/v1/injuries/hamstring-strain").then().statusCode(200).body("from", is("injury"));
        String token = Tokens.of("alice", "sub-alice", "client");
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200).body("from", is("client"));
        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200).body("from", is("booking"));
    }

    @Test
    void upstreamLatenciesAreRecordedPerUpstreamAndStatus() {
        given().get("/api/v1/locations").then().statusCode(200);
        given().baseUri(management.toString()).get("/metrics").then().statusCode(200)
                .body(containsString(
                        "gateway_upstream_requests_seconds_count{status=\"200\",upstream=\"booking\"}"));
    }

    @Test
    void bytesPerSocketWriteAreNotRecorded() {
        given().get("/api/v1/locations").then().statusCode(200);
        given().baseUri(management.toString()).get("/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(not(containsString("_bytes_written")))
                .body(not(containsString("_bytes_read")));
    }

    @Test
    void pathAndQueryPassUnchanged() {
        given().get("/api/v1/availability?appointmentType=massage-60&location=richmond&from=2026-12-01")
                .then().statusCode(200);
        StubUpstreams.booking().verify(getRequestedFor(
                urlEqualTo("/api/v1/availability?appointmentType=massage-60&location=richmond&from=2026-12-01")));
    }

    @Test
    void similarLookingPrefixIsNotRouted() {
        given().get("/api/v1/locationsx").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404)).body("title", is("Not Found"));
    }

    @Test
    void unknownPathIsProblem404() {
        given().get("/nowhere").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404)).body("instance", is("/nowhere"));
        given().get("/api/v2/locations").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void upstreamAnswerIsRelayedAsIs() {
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/unknown").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"no such injury\"}")));
        given().get("/api/v1/injuries/unknown").then().statusCode(404)
                .contentType("application/problem+json").body("detail", is("no such injury"));
    }

    @Test
    void authorizationIsForwarded() {
        String token = Tokens.of("alice", "sub-alice", "client");
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);
        StubUpstreams.client().verify(getRequestedFor(urlEqualTo("/api/v1/clients/me"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void forwardedHeadersAreSet() {
        given().header("X-Forwarded-For", "203.0.113.7").get("/api/v1/locations").then().statusCode(200);
        StubUpstreams.booking().verify(getRequestedFor(urlEqualTo("/api/v1/locations"))
                .withHeader("X-Forwarded-For", equalTo("203.0.113.7, 127.0.0.1"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", matching("localhost:\\d+"))
                .withHeader("X-Forwarded-Port", matching("\\d+")));
    }

    @Test
    void hopByHopRequestHeadersAreDropped() {
        given().header("Connection", "keep-alive, X-Hop").header("X-Hop", "secret").header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==").header("X-End-To-End", "kept")
                .get("/api/v1/locations").then().statusCode(200);
        StubUpstreams.booking().verify(getRequestedFor(urlEqualTo("/api/v1/locations"))
                .withHeader("X-Hop", absent()).withHeader("Keep-Alive", absent())
                .withHeader("Proxy-Authorization", absent()).withHeader("X-End-To-End", equalTo("kept")));
    }

    @Test
    void hopByHopResponseHeadersAreDropped() {
        StubUpstreams.booking().stubFor(get("/api/v1/locations/hop").willReturn(okJson("{}")
                .withHeader("Keep-Alive", "timeout=5").withHeader("Proxy-Authenticate", "Basic")
                .withHeader("X-Upstream", "kept")));
        given().get("/api/v1/locations/hop").then().statusCode(200)
                .header("Keep-Alive", nullValue()).header("Proxy-Authenticate", nullValue())
                .header("X-Upstream", is("kept"));
    }

    @Test
    void requestIdIsCreatedPassedUpstreamAndReturned() {
        String id = given().get("/api/v1/locations").then().statusCode(200)
                .header("X-Request-Id", not(emptyOrNullString())).extract().header("X-Request-Id");
        StubUpstreams.booking().verify(getRequestedFor(urlEqualTo("/api/v1/locations"))
                .withHeader("X-Request-Id", equalTo(id)));
    }

    @Test
    void callersRequestIdIsKept() {
        given().header("X-Request-Id", "req-42.abc").get("/api/v1/locations").then().statusCode(200)
                .header("X-Request-Id", is("req-42.abc"));
        StubUpstreams.booking().verify(getRequestedFor(urlEqualTo("/api/v1/locations"))
                .withHeader("X-Request-Id", equalTo("req-42.abc")));
    }

    @Test
    void unsafeRequestIdIsReplaced() {
        given().header("X-Request-Id", "bad id\twith spaces").get("/api/v1/locations").then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void errorAnswersCarryTheRequestIdToo() {
        given().header("X-Request-Id", "req-404").get("/nowhere").then().statusCode(404)
                .header("X-Request-Id", is("req-404"));
    }

    @Test
    void requestBodyIsStreamedToTheService() {
        StubUpstreams.booking().stubFor(post("/api/v1/appointments").willReturn(aResponse().withStatus(201)
                .withHeader("Location", "/api/v1/appointments/123").withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"123\"}")));
        String body = "{\"note\":\"" + "x".repeat(200_000) + "\"}";
        given().auth().oauth2(Tokens.of("alice", "sub-alice", "client")).contentType("application/json").body(body)
                .post("/api/v1/appointments").then().statusCode(201)
                .header("Location", is("/api/v1/appointments/123")).body("id", is("123"));
        StubUpstreams.booking().verify(postRequestedFor(urlEqualTo("/api/v1/appointments"))
                .withRequestBody(equalToJson(body)));
    }

    @Test
    void largeResponseBodyArrivesWhole() {
        // Larger than the 64 KiB pieces the upstream client relays (Upstream), in both framings a service uses.
        StringBuilder slots = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            slots.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"start\":\"2027-01-04T17:00:00Z\"}");
        }
        String body = slots.append(']').toString();
        // Gzip off: WireMock would otherwise shrink the stub to a few KiB.
        StubUpstreams.booking().stubFor(get("/api/v1/availability").willReturn(okJson(body).withGzipDisabled(true)));
        StubUpstreams.booking().stubFor(get("/api/v1/availability?framing=chunked").willReturn(okJson(body)
                .withGzipDisabled(true).withChunkedDribbleDelay(40, 200)));
        for (String path : new String[] { "/api/v1/availability", "/api/v1/availability?framing=chunked" }) {
            String relayed = given().get(path).then().statusCode(200).extract().asString();
            assertEquals(body, relayed, path);
        }
    }
}
