package ca.bim.clinic.booking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class AppointmentTypeResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anonymousCallerSeesTheSeededServicesWithPricesInCad() {
        given().queryParam("size", 100).get("/api/v1/appointment-types")
                .then().statusCode(200)
                .body("items.code", hasItems("sports-massage-30", "sports-massage-60", "sports-massage-90",
                        "plantar-fasciitis-massage-60", "mobility-maker-75", "massage-therapy-60",
                        "kinesiology-assessment-60"))
                .body("items.find { it.code == 'sports-massage-60' }.priceCad", equalTo(120.00f))
                .body("items.find { it.code == 'sports-massage-60' }.currency", equalTo("CAD"))
                .body("items.find { it.code == 'sports-massage-60' }.durationMinutes", equalTo(60))
                .body("items.find { it.code == 'sports-massage-60' }.bufferMinutes", equalTo(15))
                .body("items.find { it.code == 'sports-massage-60' }.onlineBookable", equalTo(true))
                .body("items.find { it.code == 'mobility-maker-75' }.disciplines",
                        containsInAnyOrder("massage-therapy", "kinesiology"))
                .body("page", equalTo(0));
    }

    @Test
    void oneTypeByCode() {
        given().get("/api/v1/appointment-types/kinesiology-assessment-60")
                .then().statusCode(200)
                .body("name", equalTo("Kinesiology Assessment, 60 minutes"))
                .body("disciplines", contains("kinesiology"));
    }

    @Test
    void unknownCodeIsNotFoundProblem() {
        given().get("/api/v1/appointment-types/hot-stone-45")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void adminCreatesAndUpdatesAType() {
        String code = Fixtures.unique("recovery");
        var body = type(code);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appointment-types")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/appointment-types/" + code))
                .body("priceCad", equalTo(99.5f));
        body.put("priceCad", 105);
        body.put("bufferMinutes", 10);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/appointment-types/{code}", code)
                .then().statusCode(200).body("priceCad", equalTo(105))
                .body("bufferMinutes", equalTo(10));
    }

    @Test
    void duplicateCodeIsAConflict() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(type("sports-massage-60"))
                .post("/api/v1/appointment-types")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    void invalidTypeIsABadRequestNamingTheFields() {
        var body = type(Fixtures.unique("bad"));
        body.put("durationMinutes", 0);
        body.put("disciplines", List.of());
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appointment-types")
                .then().statusCode(400)
                .body("violations.field", hasItems(endsWith("durationMinutes"), endsWith("disciplines")));
    }

    @Test
    void onlyAdminsEditTypes() {
        given().contentType(ContentType.JSON).body(type(Fixtures.unique("x")))
                .post("/api/v1/appointment-types").then().statusCode(401);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON).body(type(Fixtures.unique("x")))
                .post("/api/v1/appointment-types").then().statusCode(403);
        given().auth().oauth2(Fixtures.client("sub-alice")).contentType(ContentType.JSON)
                .body(type("sports-massage-60"))
                .put("/api/v1/appointment-types/sports-massage-60").then().statusCode(403);
    }

    @Test
    void updatingAnUnknownTypeIsNotFound() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(type("nope"))
                .put("/api/v1/appointment-types/nope").then().statusCode(404)
                .body("status", equalTo(404));
    }

    @Test
    void pageSizeIsBounded() {
        given().queryParam("size", 101).get("/api/v1/appointment-types")
                .then().statusCode(400).body("violations.field", hasItem("size"));
    }

    private static HashMap<String, Object> type(String code) {
        return new HashMap<>(Map.of("code", code, "name", "Recovery session", "description", "After a race",
                "durationMinutes", 45, "bufferMinutes", 15, "priceCad", 99.50,
                "disciplines", List.of("massage-therapy"), "onlineBookable", true));
    }
}
