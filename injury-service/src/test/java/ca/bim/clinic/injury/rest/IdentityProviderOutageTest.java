package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Keycloak down: public reads still work, a call that needs its token checked is a 503 problem, never a 500. */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.KeycloakDown.class)
class IdentityProviderOutageTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens, connections are refused at once.
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/clinic",
                    "quarkus.oidc.connection-retry-count", "0");
        }
    }

    @Test
    void publicReadsDoNotNeedTheIdentityProvider() {
        given().get("/api/v1/injuries").then().statusCode(200);
    }

    @Test
    void tokenThatCannotBeVerifiedIsServiceUnavailable() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lIn0.c2lnbmF0dXJl")
                .contentType(ContentType.JSON).body("{}")
                .post("/api/v1/injuries")
                .then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "5")
                .body("status", equalTo(503))
                .body("instance", equalTo("/api/v1/injuries"));
    }
}
