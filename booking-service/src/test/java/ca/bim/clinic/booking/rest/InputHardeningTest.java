package ca.bim.clinic.booking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** No input reaches a 500 or an empty error: control characters, huge numbers and wrong-shaped bodies are 400s. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class InputHardeningTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A raw URL: REST Assured would otherwise encode the percent sign itself. */
    private static ValidatableResponse getRaw(String token, String url) {
        var request = given().urlEncodingEnabled(false);
        if (token != null) {
            request.auth().oauth2(token);
        }
        return request.get(url).then();
    }

    private static ValidatableResponse isBadRequestProblem(ValidatableResponse response) {
        return response.statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("violations", not(nullValue()));
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static Map<String, Object> booking() {
        return new HashMap<>(Map.of("appointmentType", "massage-therapy-60",
                "practitionerId", "00000000-0000-4000-8000-000000000001", "locationCode", Fixtures.RICHMOND,
                "start", "2030-01-07T10:00:00-08:00", "clientId", "00000000-0000-4000-8000-000000000002"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "%00", "%07", "%0D%0A", "%7F" })
    void controlCharacterInAnAppointmentTypeCodeIsABadRequest(String control) {
        isBadRequestProblem(getRaw(null, "/api/v1/appointment-types/massage-therapy-60" + control))
                .body("violations[0].in", equalTo("path"))
                .body("instance", equalTo("/api/v1/appointment-types/massage-therapy-60" + control))
                .body("detail", containsString("control characters"));
    }

    @Test
    void nulInAPractitionerFilterIsABadRequestNamingIt() {
        isBadRequestProblem(getRaw(null, "/api/v1/practitioners?location=rich%00mond"))
                .body("violations.field", contains("location"))
                .body("violations[0].in", equalTo("query"));
        isBadRequestProblem(getRaw(null, "/api/v1/practitioners?appointmentType=%00"))
                .body("violations.field", contains("appointmentType"));
    }

    @Test
    void nulInAPractitionerPathIsABadRequest() {
        isBadRequestProblem(getRaw(null, "/api/v1/practitioners/%00"));
    }

    @Test
    void nulInAppointmentFiltersIsABadRequest() {
        isBadRequestProblem(getRaw(Fixtures.frontDesk(), "/api/v1/appointments?location=%00"))
                .body("violations.field", contains("location"));
        isBadRequestProblem(getRaw(Fixtures.frontDesk(), "/api/v1/appointments?status=BOOKED%00"))
                .body("violations.field", contains("status"));
        isBadRequestProblem(getRaw(Fixtures.frontDesk(), "/api/v1/appointments?client=%00abc"))
                .body("violations.field", contains("client"));
    }

    @Test
    void nulInAnAvailabilityQueryIsABadRequest() {
        isBadRequestProblem(getRaw(null, "/api/v1/availability?appointmentType=massage%00&location=richmond"))
                .body("violations.field", contains("appointmentType"));
    }

    @Test
    void theHugePageOfTheIssueIsABadRequestThatStatesTheBound() {
        isBadRequestProblem(given().queryParam("page", 21474837).queryParam("size", 100)
                .auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments").then())
                .body("violations.field", contains("page"))
                .body("detail", containsString("at most 10000"));
        isBadRequestProblem(given().queryParam("page", 21474837).queryParam("size", 100)
                .get("/api/v1/appointment-types").then())
                .body("violations.field", contains("page"));
    }

    @Test
    void unparseableOrHugeNumbersAreBadRequestsNamingTheParameter() {
        isBadRequestProblem(getRaw(null, "/api/v1/locations?size=99999999999999999999"))
                .body("violations.field", contains("size"));
        isBadRequestProblem(getRaw(null, "/api/v1/practitioners?page=abc"))
                .body("violations.field", contains("page"))
                .body("violations[0].in", equalTo("query"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[{\"start\":\"2030-01-07T10:00:00-08:00\"}]", "\"book me\"", "12", "null" })
    void aBookingThatIsNotAnObjectIsABadRequest(String body) {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", body))
                .body("violations[0].in", equalTo("body"));
    }

    @Test
    void anArrayInsteadOfABookingSaysTheBodyMustBeAnObject() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", "[]"))
                .body("violations.field", contains(""))
                .body("violations[0].message", equalTo("must be a JSON object"));
    }

    @Test
    void aBookingStartOfTheWrongTypeNamesTheField() {
        Map<String, Object> body = booking();
        body.put("start", Map.of("hour", 10));
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", body))
                .body("violations.field", contains("start"))
                .body("violations[0].message", startsWith("must be an ISO-8601 date-time"));
    }

    @Test
    void anUnparseableBookingStartNamesTheFieldWithoutEchoingIt() {
        Map<String, Object> body = booking();
        body.put("start", "next tuesday-ish");
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", body))
                .body("violations.field", contains("start"))
                .body(not(containsString("tuesday-ish")));
    }

    @Test
    void aPractitionerIdThatIsNotAUuidNamesTheField() {
        Map<String, Object> body = booking();
        body.put("practitionerId", 42);
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", body))
                .body("violations.field", contains("practitionerId"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", "{\"start\": "))
                .body("violations[0].message", startsWith("is not well-formed JSON"));
    }

    @Test
    void anEmptyBookingBodyIsABadRequest() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", ""));
    }

    @Test
    void wrongShapedAppointmentTypesAreBadRequests() {
        isBadRequestProblem(post(Fixtures.admin(), "/api/v1/appointment-types", "\"massage\""))
                .body("violations[0].message", equalTo("must be a JSON object"));
        isBadRequestProblem(post(Fixtures.admin(), "/api/v1/appointment-types",
                "{\"code\":\"x-1\",\"name\":\"X\",\"durationMinutes\":\"an hour\"}"))
                .body("violations.field", contains("durationMinutes"))
                .body("violations[0].message", equalTo("must be a whole number in range"));
        isBadRequestProblem(post(Fixtures.admin(), "/api/v1/appointment-types", "{\"code\" \"x-1\"}"))
                .body("violations[0].message", startsWith("is not well-formed JSON"));
    }

    @Test
    void wrongShapedPractitionersAreBadRequests() {
        isBadRequestProblem(post(Fixtures.admin(), "/api/v1/practitioners", "[\"lawrence\"]"))
                .body("violations[0].message", equalTo("must be a JSON object"));
        isBadRequestProblem(post(Fixtures.admin(), "/api/v1/practitioners",
                "{\"keycloakUsername\":\"x\",\"name\":[\"X\"],\"discipline\":\"MASSAGE_THERAPY\"}"))
                .body("violations.field", contains("name"));
    }

    @Test
    void appointmentAnswersAreNeverStoredIncludingErrors() {
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/appointments")
                .then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/00000000-0000-4000-8000-000000000009")
                .then().statusCode(404)
                .header("Cache-Control", "no-store");
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/appointments", "[]"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void catalogueAnswersSayNosniffWithoutNoStore() {
        given().get("/api/v1/locations")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", nullValue());
    }
}
