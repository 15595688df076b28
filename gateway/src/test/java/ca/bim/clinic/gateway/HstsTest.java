package ca.bim.clinic.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Behind a TLS-terminating proxy the operator turns HSTS on; every answer then carries it. */
@QuarkusTest
@TestProfile(HstsTest.BehindTls.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class HstsTest {

    public static class BehindTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.headers.hsts.enabled", "true", "gateway.headers.hsts.max-age", "180d",
                    "gateway.headers.hsts.include-subdomains", "true");
        }
    }

    @Test
    void everyAnswerCarriesHsts() {
        given().get("/openapi").then().statusCode(200)
                .header("Strict-Transport-Security", is("max-age=15552000; includeSubDomains"));
        given().get("/api/v1/clients/me").then().statusCode(401)
                .header("Strict-Transport-Security", is("max-age=15552000; includeSubDomains"));
    }
}
