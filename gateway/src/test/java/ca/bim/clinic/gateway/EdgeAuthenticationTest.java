package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Protected routes refuse a missing or bad token with 401 problem+json before any upstream is called. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class EdgeAuthenticationTest {

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        for (WireMockServer server : new WireMockServer[] { StubUpstreams.booking(), StubUpstreams.client(),
                StubUpstreams.injury() }) {
            server.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")));
        }
    }

    @Test
    void clientRecordsNeedATokenAtTheEdge() {
        assertRejectedAtEdge(given(), "GET", "/api/v1/clients/me", StubUpstreams.client());
        assertRejectedAtEdge(given(), "GET", "/api/v1/clients", StubUpstreams.client());
    }

    @Test
    void appointmentsNeedATokenAtTheEdge() {
        assertRejectedAtEdge(given(), "GET", "/api/v1/appointments", StubUpstreams.booking());
    }

    @Test
    void writesNeedATokenOnEveryRoute() {
        assertRejectedAtEdge(given().contentType("application/json").body("{}"), "POST", "/api/v1/locations",
                StubUpstreams.booking());
        assertRejectedAtEdge(given(), "DELETE", "/api/v1/injuries/hamstring-strain", StubUpstreams.injury());
        assertRejectedAtEdge(given().contentType("application/json").body("{}"), "PUT",
                "/api/v1/appointment-types/massage-60", StubUpstreams.booking());
    }

    @Test
    void publicReadsPassWithoutToken() {
        given().get("/api/v1/locations").then().statusCode(200);
        given().get("/api/v1/injuries").then().statusCode(200);
        given().get("/api/v1/availability").then().statusCode(200);
    }

    @Test
    void validTokenReachesProtectedRoute() {
        given().auth().oauth2(Tokens.of("alice", "sub-alice", "client")).get("/api/v1/clients/me")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("andrea", "sub-andrea", "admin")).contentType("application/json").body("{}")
                .post("/api/v1/locations").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRejected() {
        String expired = Jwt.preferredUserName("alice").subject("sub-alice").groups(Set.of("client"))
                .issuer("https://server.example.com").audience("clinic-api")
                .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(600))
                .jws().keyId("1").sign("privateKey.jwk");
        assertRejectedAtEdge(given().auth().oauth2(expired), "GET", "/api/v1/clients/me", StubUpstreams.client());
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.preferredUserName("alice").subject("sub-alice").groups(Set.of("admin"))
                .issuer("https://server.example.com").audience("clinic-api")
                .jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        assertRejectedAtEdge(given().auth().oauth2(forged), "GET", "/api/v1/clients/me", StubUpstreams.client());
    }

    @Test
    void malformedTokenIsRejected() {
        assertRejectedAtEdge(given().header("Authorization", "Bearer not.a-jwt"), "GET", "/api/v1/clients/me",
                StubUpstreams.client());
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertRejectedAtEdge(given().auth().oauth2(Tokens.forOtherAudience("alice", "sub-alice", "client")), "GET",
                "/api/v1/appointments", StubUpstreams.booking());
    }

    @Test
    void badTokenIsRejectedEvenOnPublicRead() {
        assertRejectedAtEdge(given().header("Authorization", "Bearer not.a-jwt"), "GET", "/api/v1/locations",
                StubUpstreams.booking());
    }

    private static void assertRejectedAtEdge(RequestSpecification request, String method, String path,
            WireMockServer upstream) {
        request.request(method, path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", is(401)).body("title", is("Unauthorized")).body("instance", is(path));
        upstream.verify(0, anyRequestedFor(urlPathMatching("/api/v1/.*")));
    }
}
