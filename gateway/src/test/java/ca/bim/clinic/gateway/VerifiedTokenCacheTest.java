package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;

/**
 * A token verified once is reused for its holder's next calls, and reuse never accepts what verification would refuse:
 * not a token past its expiry, not a token that differs by one character.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class VerifiedTokenCacheTest {

    @Inject MeterRegistry registry;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.client().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")));
    }

    /** That a reused identity is the same caller shows in RateLimitTest: one token's calls draw from one budget. */
    @Test
    void sameTokenIsVerifiedOnceThenReused() {
        String token = token(UUID.randomUUID().toString(), Instant.now().plusSeconds(300));
        double hitsBefore = cacheGets("hit");
        double missesBefore = cacheGets("miss");

        for (int call = 0; call < 3; call++) {
            given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);
        }

        assertThat(cacheGets("miss") - missesBefore).isEqualTo(1);
        assertThat(cacheGets("hit") - hitsBefore).isEqualTo(2);
        StubUpstreams.client().verify(3, getRequestedFor(urlPathEqualTo("/api/v1/clients/me")));
    }

    @Test
    void reusedTokenIsRefusedOnceItExpires() {
        // A first call warms the gateway, so the short-lived token's own calls fall well inside its lifetime.
        given().auth().oauth2(token(UUID.randomUUID().toString(), Instant.now().plusSeconds(300)))
                .get("/api/v1/clients/me").then().statusCode(200);
        String token = token(UUID.randomUUID().toString(), Instant.now().plusSeconds(5));
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);
        double hitsBefore = cacheGets("hit");
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);
        assertThat(cacheGets("hit") - hitsBefore).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get("/api/v1/clients/me").statusCode() == 401);
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", is(401));
    }

    @Test
    void tokenDifferingByOneCharacterIsVerifiedInFull() {
        String token = token(UUID.randomUUID().toString(), Instant.now().plusSeconds(300));
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);

        // A character inside the signature (the last ones may only carry padding bits).
        int at = token.length() - 20;
        char swapped = token.charAt(at) == 'A' ? 'B' : 'A';
        String forged = token.substring(0, at) + swapped + token.substring(at + 1);
        given().auth().oauth2(forged).get("/api/v1/clients/me").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200);
    }

    private static String token(String subject, Instant expiresAt) {
        return Jwt.preferredUserName("alice").subject(subject).groups(Set.of("client"))
                .issuer("https://server.example.com").audience("clinic-api")
                .issuedAt(Instant.now()).expiresAt(expiresAt)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    private double cacheGets(String result) {
        return registry.get("cache.gets").tag("cache", "verified-tokens").tag("result", result)
                .functionCounter().count();
    }
}
