package ca.bim.clinic.client.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InternalPatientResourceTest {

    static final String PATH = "/internal/v1/patients/{id}";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** What Keycloak issues to fhir-service's service account: the client role under resource_access. */
    static String fhirService() {
        return Jwt.claims()
                .issuer("https://server.example.com")
                .audience(Tokens.AUDIENCE)
                .subject(UUID.nameUUIDFromBytes("service-account-fhir-service".getBytes()).toString())
                .preferredUserName("service-account-fhir-service")
                .claim("azp", "fhir-service")
                .claim("typ", "Bearer")
                .claim("resource_access", Map.of("client-service",
                        Map.of("roles", List.of("patient-demographics:read"))))
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    static void decide(Fixtures.Account client, String action) {
        given().auth().oauth2(client.token()).contentType(ContentType.JSON)
                .body("{\"consent\":\"data-sharing\",\"action\":\"" + action + "\"}")
                .post("/api/v1/clients/{id}/consents", client.id()).then().statusCode(201);
    }

    @Test
    void aConsentingClientsDemographicsAreShownToFhirService() {
        Fixtures.Account alice = Fixtures.newClient("Sharer");
        decide(alice, "grant");
        given().auth().oauth2(fhirService()).get(PATH, alice.id()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(alice.id()))
                .body("firstName", equalTo("Alice"))
                .body("lastName", equalTo("Sharer"))
                .body("dateOfBirth", equalTo("1990-04-12"))
                .body("phone", equalTo("604-555-0101"))
                .body("email", equalTo("alice@example.com"));
    }

    @Test
    void theDisclosureIsInTheClientsAccessLog() {
        Fixtures.Account alice = Fixtures.newClient("Logged");
        decide(alice, "grant");
        given().auth().oauth2(fhirService()).get(PATH, alice.id()).then().statusCode(200);
        given().auth().oauth2(alice.token()).get("/api/v1/clients/{id}/access-log", alice.id()).then()
                .statusCode(200).body("items.actor", hasItem("fhir-service"));
    }

    @Test
    void withoutDataSharingConsentTheClientIsNotFound() {
        Fixtures.Account alice = Fixtures.newClient("Private");
        given().auth().oauth2(fhirService()).get(PATH, alice.id()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aWithdrawnConsentHidesTheClientAgain() {
        Fixtures.Account alice = Fixtures.newClient("Withdrawn");
        decide(alice, "grant");
        decide(alice, "withdraw");
        given().auth().oauth2(fhirService()).get(PATH, alice.id()).then().statusCode(404);
    }

    @Test
    void anUnknownClientIsNotFound() {
        given().auth().oauth2(fhirService()).get(PATH, UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theRoleMayAlsoArriveAmongTheMappedRoles() {
        Fixtures.Account alice = Fixtures.newClient("Mapped");
        decide(alice, "grant");
        given().auth().oauth2(Tokens.of("service-account-fhir-service", "fhir-sub", "patient-demographics:read"))
                .get(PATH, alice.id()).then().statusCode(200);
    }

    @Test
    void nobodyElseMayAsk() {
        Fixtures.Account alice = Fixtures.newClient("Guarded");
        decide(alice, "grant");
        given().get(PATH, alice.id()).then().statusCode(401);
        given().auth().oauth2(Fixtures.admin()).get(PATH, alice.id()).then().statusCode(403);
        given().auth().oauth2(Fixtures.partner()).get(PATH, alice.id()).then().statusCode(403);
        given().auth().oauth2(Fixtures.frontDesk()).get(PATH, alice.id()).then().statusCode(403);
        given().auth().oauth2(Fixtures.bookingService()).get(PATH, alice.id()).then().statusCode(403);
        given().auth().oauth2(alice.token()).get(PATH, alice.id()).then().statusCode(403);
    }
}
