package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InjuryResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anonymousCallerListsThePublishedEntries() {
        given().get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder("it-band-syndrome", "achilles-tendinitis", "runners-knee",
                        "plantar-fasciitis"))
                .body("items.disclaimer", everyItem(containsString("not a diagnosis")))
                .body("totalItems", equalTo(4));
    }

    @Test
    void entryIsFoundBySlug() {
        given().get("/api/v1/injuries/plantar-fasciitis")
                .then().statusCode(200)
                .body("name", equalTo("Plantar fasciitis"))
                .body("summary", containsString("sole"));
    }

    @Test
    void unknownSlugIsNotFoundProblem() {
        given().get("/api/v1/injuries/broken-leg")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }
}
