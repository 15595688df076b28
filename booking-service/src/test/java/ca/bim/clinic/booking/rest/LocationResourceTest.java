package ca.bim.clinic.booking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class LocationResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anonymousCallerListsBothLocationsWithTheirZoneAndPhone() {
        given().get("/api/v1/locations")
                .then().statusCode(200)
                .body("items.code", contains("richmond", "vancouver"))
                .body("items.timeZone", contains("America/Vancouver", "America/Vancouver"))
                .body("items.phone", contains("604-271-7181", "604-605-1550"))
                .body("totalItems", equalTo(2))
                .body("totalPages", equalTo(1));
    }

    @Test
    void pagingSplitsTheCollection() {
        given().queryParam("size", 1).queryParam("page", 1).get("/api/v1/locations")
                .then().statusCode(200)
                .body("items.code", contains("vancouver"))
                .body("page", equalTo(1))
                .body("totalPages", equalTo(2));
    }

    @Test
    void oversizedPageIsAProblemNamingTheField() {
        given().queryParam("size", 1000).get("/api/v1/locations")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("violations.field", hasItem("size"));
    }

    @Test
    void unknownLocationIsNotFoundProblem() {
        given().get("/api/v1/locations/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        // Health lives on the management interface (its root is /q).
        given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"));
    }
}
