package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** No input reaches a 500 or an empty error: control characters, huge numbers and wrong-shaped bodies are 400s. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InputHardeningTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse isBadRequestProblem(ValidatableResponse response) {
        return response.statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("violations", not(nullValue()));
    }

    /** A raw URL: REST Assured would otherwise encode the percent sign itself. */
    private static ValidatableResponse getRaw(String token, String url) {
        return as(token).urlEncodingEnabled(false).get(url).then();
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @ParameterizedTest
    @ValueSource(strings = { "%00", "%09", "%1B", "%7F" })
    void controlCharacterInAClientPathIsABadRequest(String control) {
        Account alice = Fixtures.newClient();
        isBadRequestProblem(getRaw(alice.token(), "/api/v1/clients/" + alice.id() + control + "/consents"))
                .body("violations[0].in", equalTo("path"))
                .body("instance", equalTo("/api/v1/clients/" + alice.id() + control + "/consents"));
    }

    @Test
    void nulInAQueryValueIsABadRequestNamingTheParameter() {
        isBadRequestProblem(as(Fixtures.frontDesk()).urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/clients/search?size=1%00").then())
                .body("violations.field", contains("size"))
                .body("detail", containsString("control characters"));
    }

    @Test
    void theHugePageOfTheIssueIsABadRequestThatStatesTheBound() {
        isBadRequestProblem(as(Fixtures.frontDesk()).contentType(ContentType.JSON).body("{}")
                .queryParam("page", 21474837).queryParam("size", 100)
                .post("/api/v1/clients/search").then())
                .body("violations.field", contains("page"))
                .body("detail", containsString("at most 10000"));
    }

    @Test
    void unparseableOrHugeNumbersAreBadRequestsNamingTheParameter() {
        Account alice = Fixtures.newClient();
        isBadRequestProblem(getRaw(Fixtures.admin(), "/api/v1/clients/" + alice.id() + "/access-log?size=99999999999999999999"))
                .body("violations.field", contains("size"));
        isBadRequestProblem(getRaw(Fixtures.admin(), "/api/v1/clients/" + alice.id() + "/access-log?page=abc"))
                .body("violations.field", contains("page"))
                .body("violations[0].in", equalTo("query"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[{\"firstName\":\"Alice\"}]", "\"Alice\"", "7", "false" })
    void aProfileThatIsNotAnObjectIsABadRequest(String body) {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients", body))
                .body("violations.field", contains(""))
                .body("violations[0].in", equalTo("body"))
                .body("violations[0].message", equalTo("must be a JSON object"));
    }

    @Test
    void aProfileFieldOfTheWrongTypeIsNamed() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients",
                "{\"firstName\": {\"given\": \"Alice\"}, \"lastName\": \"Runner\", \"email\": \"a@example.com\"}"))
                .body("violations.field", contains("firstName"))
                .body("violations[0].message", equalTo("must be a string"));
    }

    @Test
    void aNulCharacterInAProfileStringIsABadRequestNamingTheField() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients",
                "{\"firstName\": \"Ali\\u0000ce\", \"lastName\": \"Runner\", \"email\": \"a@example.com\"}"))
                .body("violations.field", contains("firstName"))
                .body("violations[0].message", equalTo("must not contain the NUL character (U+0000)"));
    }

    @Test
    void malformedProfileJsonIsABadRequest() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients", "{\"firstName\": \"Alice\",,}"))
                .body("violations[0].message", startsWith("is not well-formed JSON"));
    }

    @Test
    void anEmptyProfileBodyIsABadRequest() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients", ""));
    }

    @Test
    void wrongShapedConsentDecisionsAreBadRequests() {
        Account alice = Fixtures.newClient();
        String path = "/api/v1/clients/" + alice.id() + "/consents";
        isBadRequestProblem(post(alice.token(), path, "[\"data-sharing\"]"))
                .body("violations[0].message", equalTo("must be a JSON object"));
        isBadRequestProblem(post(alice.token(), path, "\"grant\""))
                .body("violations.field", contains(""));
        isBadRequestProblem(post(alice.token(), path, "{\"consent\": [\"data-sharing\"], \"action\": \"grant\"}"))
                .body("violations.field", contains("consent"));
        isBadRequestProblem(post(alice.token(), path, "{\"consent\": \"data-sharing\", \"action\": "))
                .body("violations[0].message", startsWith("is not well-formed JSON"));
    }

    @Test
    void aSearchWithAWrongShapedBodyIsABadRequest() {
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients/search", "[]"))
                .body("violations[0].message", equalTo("must be a JSON object"));
    }

    @Test
    void clientAnswersAreNeverStoredIncludingErrors() {
        Account alice = Fixtures.newClient();
        as(alice.token()).get("/api/v1/clients/me")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/clients/me")
                .then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        as(Fixtures.otherClient()).get("/api/v1/clients/" + alice.id())
                .then().statusCode(greaterThanOrEqualTo(400))
                .header("Cache-Control", "no-store");
        isBadRequestProblem(post(Fixtures.frontDesk(), "/api/v1/clients", "[]"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
