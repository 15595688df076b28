package ca.bim.clinic.client.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ClientResourceTest {

    private static final String PROFILE = """
            {"firstName": "Alice", "lastName": "Runner", "email": "alice@example.com", "phone": "604-555-0101",
             "dateOfBirth": "1990-04-12"}
            """;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Each test is its own account, so tests share no state. */
    private static String newClientToken() {
        return Tokens.of("alice", UUID.randomUUID().toString(), "client");
    }

    @Test
    void meWithoutTokenIsUnauthorized() {
        given().get("/api/v1/clients/me").then().statusCode(401);
    }

    @Test
    void meForTherapistIsForbidden() {
        given().auth().oauth2(Tokens.of("lawrence", UUID.randomUUID().toString(), "therapist"))
                .get("/api/v1/clients/me")
                .then().statusCode(403);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        given().auth().oauth2(Tokens.forOtherAudience("alice", UUID.randomUUID().toString(), "client"))
                .get("/api/v1/clients/me")
                .then().statusCode(401);
    }

    @Test
    void meBeforeCreatingAProfileIsNotFoundProblem() {
        given().auth().oauth2(newClientToken())
                .get("/api/v1/clients/me")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void clientCreatesOwnProfileAndReadsItBack() {
        String token = newClientToken();
        String location = given().auth().oauth2(token).contentType(ContentType.JSON).body(PROFILE)
                .post("/api/v1/clients")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/clients/[0-9a-f-]{36}"))
                .body("hasAccount", equalTo(true))
                .body("status", equalTo("active"))
                .extract().header("Location");

        given().auth().oauth2(token).get("/api/v1/clients/me")
                .then().statusCode(200)
                .body("id", equalTo(location.substring(location.lastIndexOf('/') + 1)))
                .body("firstName", equalTo("Alice"))
                .body("dateOfBirth", equalTo("1990-04-12"));
    }

    @Test
    void secondProfileForTheSameAccountIsAConflict() {
        String token = newClientToken();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PROFILE).post("/api/v1/clients")
                .then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PROFILE).post("/api/v1/clients")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(409))
                .body("detail", equalTo("A client profile already exists for this account"));
    }

    @Test
    void invalidProfileListsEveryBadField() {
        given().auth().oauth2(newClientToken()).contentType(ContentType.JSON)
                .body("""
                        {"firstName": "", "lastName": "Runner", "email": "not-an-email", "dateOfBirth": "2999-01-01"}
                        """)
                .post("/api/v1/clients")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItems("firstName", "email", "dateOfBirth"));
    }

    @Test
    void frontDeskCreatesAWalkInWithoutAccount() {
        given().auth().oauth2(Tokens.of("fran", UUID.randomUUID().toString(), "front-desk"))
                .contentType(ContentType.JSON).body(PROFILE)
                .post("/api/v1/clients")
                .then().statusCode(201)
                .body("hasAccount", equalTo(false));
    }

    @Test
    void therapistCannotCreateProfiles() {
        given().auth().oauth2(Tokens.of("lawrence", UUID.randomUUID().toString(), "therapist"))
                .contentType(ContentType.JSON).body(PROFILE)
                .post("/api/v1/clients")
                .then().statusCode(403);
    }
}
