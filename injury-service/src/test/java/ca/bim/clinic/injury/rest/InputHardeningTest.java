package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** A raw URL: REST Assured would otherwise encode the percent sign itself. */
    private static ValidatableResponse getRaw(String url) {
        return given().urlEncodingEnabled(false).get(url).then();
    }

    private static ValidatableResponse isBadRequestProblem(ValidatableResponse response) {
        return response.statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("violations", not(nullValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "%00", "%01", "%0A", "%1F", "%7F" })
    void controlCharacterInAnInjurySlugIsABadRequest(String control) {
        isBadRequestProblem(getRaw("/api/v1/injuries/it-band-syndrome" + control))
                .body("instance", equalTo("/api/v1/injuries/it-band-syndrome" + control))
                .body("violations[0].in", equalTo("path"));
    }

    @Test
    void nulInATechniqueSlugIsABadRequest() {
        isBadRequestProblem(getRaw("/api/v1/techniques/cup%00ping"))
                .body("instance", equalTo("/api/v1/techniques/cup%00ping"));
    }

    @Test
    void nulInTheCatalogueSearchIsABadRequestNamingTheParameter() {
        isBadRequestProblem(getRaw("/api/v1/injuries?q=knee%00pain"))
                .body("violations.field", contains("q"))
                .body("violations[0].in", equalTo("query"))
                .body("instance", equalTo("/api/v1/injuries"));
    }

    @Test
    void controlCharacterInAQueryParameterNameIsABadRequest() {
        isBadRequestProblem(getRaw("/api/v1/injuries?re%00gion=knee"))
                .body("violations.field", contains("re%00gion"));
    }

    @Test
    void nulInAnEditorsPathIsABadRequestBeforeAnyLookup() {
        isBadRequestProblem(given().urlEncodingEnabled(false).auth().oauth2(Fixtures.ADMIN)
                .get("/api/v1/injuries/it-band%00syndrome/revisions").then());
    }

    @Test
    void aPageBeyondTheBoundIsABadRequestThatStatesTheBound() {
        isBadRequestProblem(given().queryParam("page", 21474837).queryParam("size", 100).get("/api/v1/injuries").then())
                .body("violations.field", contains("page"))
                .body("detail", containsString("at most 10000"));
    }

    @Test
    void theLastPageWithinTheBoundIsServed() {
        given().queryParam("page", 10000).queryParam("size", 100).get("/api/v1/techniques")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aHugeSizeIsABadRequestNamingTheParameter() {
        isBadRequestProblem(getRaw("/api/v1/injuries?size=99999999999999999999"))
                .body("violations.field", contains("size"))
                .body("violations[0].in", equalTo("query"))
                .body("detail", startsWith("size must be a whole number"));
    }

    @Test
    void aNonNumericPageIsABadRequestNamingTheParameter() {
        isBadRequestProblem(getRaw("/api/v1/techniques?page=abc"))
                .body("violations.field", contains("page"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[{\"slug\":\"x\"}]", "\"cupping\"", "42", "true" })
    void aBodyThatIsNotAnObjectIsABadRequestAboutTheBody(String body) {
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(body)
                .post("/api/v1/techniques").then())
                .body("violations.field", contains(""))
                .body("violations[0].in", equalTo("body"))
                .body("violations[0].message", equalTo("must be a JSON object"))
                .body("detail", containsString("must be a JSON object"));
    }

    @Test
    void aWrongFieldTypeInATechniqueNamesTheField() {
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body("{\"slug\":\"x-y\",\"name\":{\"first\":\"Cup\"},\"description\":\"d\"}")
                .post("/api/v1/techniques").then())
                .body("violations.field", contains("name"))
                .body("violations[0].message", equalTo("must be a string"));
    }

    @Test
    void malformedJsonIsABadRequestThatQuotesNothing() {
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body("{\"slug\": secret-token")
                .post("/api/v1/techniques").then())
                .body("violations[0].message", startsWith("is not well-formed JSON"))
                .body(not(containsString("secret")));
    }

    @Test
    void aNulCharacterInsideABodyStringIsABadRequestNamingTheField() {
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body("{\"slug\":\"nul-check\",\"name\":\"Cup\\u0000ping\",\"description\":\"d\"}")
                .post("/api/v1/techniques").then())
                .body("violations.field", contains("name"))
                .body("violations[0].message", equalTo("must not contain the NUL character (U+0000)"));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body("")
                .post("/api/v1/techniques").then())
                .body("violations[0].in", equalTo("body"));
    }

    @Test
    void aListGivenAsTextInAnInjuryNamesTheField() {
        var entry = Fixtures.entry(Fixtures.uniqueSlug());
        entry.put("symptoms", "Mild tingling");
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries").then())
                .body("violations.field", contains("symptoms"))
                .body("violations[0].in", equalTo("body"))
                .body("violations[0].message", equalTo("must be an array"));
    }

    @Test
    void aNestedWrongTypeInAnInjuryNamesTheNestedField() {
        var entry = Fixtures.entry(Fixtures.uniqueSlug());
        entry.put("treatments", java.util.List.of(java.util.Map.of("technique", java.util.List.of("cupping"))));
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries").then())
                .body("violations.field", contains("treatments[0].technique"));
    }

    @Test
    void anArrayInsteadOfAnInjuryIsABadRequest() {
        isBadRequestProblem(given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body("[]")
                .post("/api/v1/injuries").then())
                .body("violations[0].message", equalTo("must be a JSON object"));
    }

    @Test
    void everyAnswerSaysNosniffAndCatalogueAnswersStayCacheable() {
        given().get("/api/v1/injuries/it-band-syndrome")
                .then().header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", not(containsString("no-store")));
        getRaw("/api/v1/injuries/%00").header("X-Content-Type-Options", "nosniff");
        given().get("/api/v1/no-such-thing").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/injuries")
                .then().statusCode(401).header("X-Content-Type-Options", "nosniff");
    }
}
