package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InjurySearchTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest(name = "\"{0}\" ranks {1} first")
    @CsvSource({
            "pain on the outside of my knee, it-band-syndrome",
            "pain under the kneecap, runners-knee",
            "back of ankle hurts after runs, achilles-tendinitis",
            "sharp pain in the sole of my foot, plantar-fasciitis",
            "plantar fascitis, plantar-fasciitis",
            "achiles, achilles-tendinitis",
            "achiles tendonitis, achilles-tendinitis",
            "ITBS, it-band-syndrome",
            "patellofemoral, runners-knee" })
    void runnersWordsRankTheRightEntryFirst(String phrase, String expected) {
        given().queryParam("q", phrase).get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items[0].slug", equalTo(expected))
                .body("items[0].relevance", notNullValue());
    }

    @Test
    void resultsComeBestMatchFirst() {
        List<Float> scores = given().queryParam("q", "pain on the outside of my knee").get("/api/v1/injuries")
                .then().statusCode(200).extract().jsonPath().getList("items.relevance", Float.class);
        assertThat(scores).hasSizeGreaterThan(1).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void wordsThatMatchNothingFindNothing() {
        given().queryParam("q", "xylophone quartz").get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("totalItems", equalTo(0))
                .body("totalPages", equalTo(0));
    }

    @Test
    void onlyStopWordsFindNothingInsteadOfFailing() {
        given().queryParam("q", "the of and").get("/api/v1/injuries")
                .then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void punctuationInTheQueryIsHarmless() {
        given().queryParam("q", "knee' | & ! (pain:*").get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items.slug", hasItem("runners-knee"));
    }

    @Test
    void searchCombinesWithTheRegionFilter() {
        given().queryParam("q", "pain").queryParam("region", "foot").get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items[0].slug", equalTo("plantar-fasciitis"))
                .body("items.bodyRegions", everyItem(hasItem("foot")));
    }

    @Test
    void overlongQueryIsBadRequest() {
        given().queryParam("q", "pain ".repeat(60)).get("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("q")));
    }
}
