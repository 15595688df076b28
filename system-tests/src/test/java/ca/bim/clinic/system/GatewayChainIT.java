package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/** The whole chain: a real Keycloak token, through the gateway, to each service and its database. */
@ExtendWith(SystemExtension.class)
class GatewayChainIT {

    private static Keycloak keycloak;

    @BeforeAll
    static void keycloak(RunningSystem system) {
        keycloak = new Keycloak(system.keycloakUrl());
    }

    @Test
    void realmIssuesTokensForTheClinicApiWithRealmRoles() {
        var claims = Keycloak.claims(keycloak.userToken("alice"));
        assertThat(Keycloak.audiences(claims)).contains("clinic-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("client");
        assertThat(claims.getString("preferred_username")).isEqualTo("alice");
        assertThat(claims.getString("email")).isEqualTo("alice@example.com");
    }

    @Test
    void partnerClientCredentialsTokenCarriesThePartnerRole() {
        var claims = Keycloak.claims(keycloak.clientToken("partner-demo", "partner-demo-secret"));
        assertThat(Keycloak.audiences(claims)).contains("clinic-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains("partner");
    }

    @Test
    void anonymousCallerReadsLocationsThroughTheGateway() {
        given().get("/api/v1/locations")
                .then().statusCode(200)
                .body("items.code", hasItems("richmond", "vancouver"));
    }

    @Test
    void anonymousCallerReadsInjuriesThroughTheGateway() {
        given().get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items.slug", hasItems("it-band-syndrome", "plantar-fasciitis"));
    }

    @Test
    void ownProfileWithoutTokenIsUnauthorized() {
        given().get("/api/v1/clients/me").then().statusCode(401);
    }

    @Test
    void tamperedTokenIsUnauthorized() {
        String token = keycloak.userToken("alice");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLW9mLW5vYm9keQ";
        given().auth().oauth2(forged).get("/api/v1/clients/me").then().statusCode(401);
    }

    @Test
    void ownProfileWithTherapistTokenIsForbidden() {
        given().auth().oauth2(keycloak.userToken("lawrence")).get("/api/v1/clients/me").then().statusCode(403);
    }

    @Test
    void ownProfileWithPartnerTokenIsForbidden() {
        given().auth().oauth2(keycloak.clientToken("partner-demo", "partner-demo-secret"))
                .get("/api/v1/clients/me").then().statusCode(403);
    }

    @Test
    void clientCreatesAndReadsOwnProfileThroughTheGateway() {
        String token = keycloak.userToken("alice");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"firstName": "Alice", "lastName": "Runner", "email": "alice@example.com"}
                        """)
                .post("/api/v1/clients")
                .then().statusCode(is(oneOf(201, 409)));

        given().auth().oauth2(token).get("/api/v1/clients/me")
                .then().statusCode(200)
                .body("firstName", equalTo("Alice"))
                .body("status", equalTo("active"));
    }

    @Test
    void everyPartReportsReady(RunningSystem system) {
        for (String service : List.of("booking-service", "injury-service", "client-service", "gateway")) {
            given().baseUri(system.managementUrl(service)).get("/q/health/ready").then().statusCode(200);
        }
        // The public port only says UP: no upstream names, URLs or checks.
        given().baseUri(system.gatewayUrl()).get("/q/health/ready").then().statusCode(200)
                .body(equalTo("{\"status\":\"UP\"}"));
    }
}
