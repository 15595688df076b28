package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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
class InjuryResourceTest {

    static final List<String> BOOKING_CODES = List.of("sports-massage-30", "sports-massage-60", "sports-massage-90",
            "plantar-fasciitis-massage-60", "mobility-maker-75", "massage-therapy-60", "kinesiology-assessment-60");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anonymousCallerListsThePublishedEntries() {
        given().get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items.slug", hasItems("it-band-syndrome", "achilles-tendinitis", "runners-knee", "plantar-fasciitis"))
                .body("items.status", everyItem(equalTo("published")))
                .body("items.disclaimer", everyItem(containsString("not a diagnosis")))
                .body("items.relevance", everyItem(equalTo(null)))
                .body("items.find { it.slug == 'it-band-syndrome' }.aliases", hasItem("ITBS"))
                .body("items.find { it.slug == 'it-band-syndrome' }.bodyRegions", containsInAnyOrder("hip", "thigh", "knee"))
                .body("items.find { it.slug == 'plantar-fasciitis' }.recommendedAppointmentTypes",
                        hasItem("plantar-fasciitis-massage-60"))
                .body("items.find { it.slug == 'plantar-fasciitis' }.updatedAt", notNullValue())
                .body("items.find { it.slug == 'plantar-fasciitis' }.version", equalTo(0))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("totalItems", notNullValue())
                .header("Cache-Control", containsString("max-age=300"));
    }

    @ParameterizedTest
    @CsvSource({ "it-band-syndrome, M76.3", "achilles-tendinitis, M76.6", "runners-knee, M22.2",
            "plantar-fasciitis, M72.2" })
    void seededEntryIsCompleteInEveryField(String slug, String icd10) {
        given().get("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("name", not(emptyOrNullString()))
                .body("aliases", not(hasSize(0)))
                .body("bodyRegions", not(hasSize(0)))
                .body("summary", not(emptyOrNullString()))
                .body("anatomy", not(emptyOrNullString()))
                .body("symptoms", not(hasSize(0)))
                .body("causes", not(hasSize(0)))
                .body("treatments", not(hasSize(0)))
                .body("treatments.techniqueName", everyItem(not(emptyOrNullString())))
                .body("treatments.purpose", everyItem(not(emptyOrNullString())))
                .body("selfCare", not(hasSize(0)))
                .body("complications", not(hasSize(0)))
                .body("seeADoctorIf", not(hasSize(0)))
                .body("recommendedAppointmentTypes", not(hasSize(0)))
                .body("recommendedAppointmentTypes", everyItem(in(BOOKING_CODES)))
                .body("relatedInjuries", not(hasSize(0)))
                // The clinic's facts name no number of sessions for any injury, so the seed recommends no course.
                .body("recommendedCourse", nullValue())
                .body("codes.find { it.system == 'ICD-10' }.code", equalTo(icd10))
                .body("sources.publisher", containsInAnyOrder("Balance in Motion", "Coastal Massage & Wellness"))
                .body("sources.author", containsInAnyOrder("Lawrence Lam, RMT",
                        "Aubrey Morrison, MS Sports Medicine, CSCS, LMT"))
                .body("sources.title", containsInAnyOrder("How Massage Can Help Common Running Injuries",
                        "Will Massage Help your Running Injury?"))
                .body("status", equalTo("published"))
                .body("version", notNullValue())
                .body("updatedAt", notNullValue())
                .body("disclaimer", containsString("not a diagnosis"));
    }

    @Test
    void untreatedAchillesLeadsToCalfStrainAndPlantarFasciitis() {
        given().get("/api/v1/injuries/achilles-tendinitis")
                .then().statusCode(200)
                .body("complications.condition", hasItems("Calf strain", "Plantar fasciitis"))
                .body("relations.findAll { it.kind == 'may-lead-to' }.slug", containsInAnyOrder("plantar-fasciitis"))
                .body("relations.findAll { it.kind == 'continuous-with' }.slug", containsInAnyOrder("plantar-fasciitis"))
                .body("relatedInjuries", containsInAnyOrder("plantar-fasciitis"));
    }

    @Test
    void plantarFasciaIsContinuousWithTheAchilles() {
        given().get("/api/v1/injuries/plantar-fasciitis")
                .then().statusCode(200)
                .body("relations.findAll { it.kind == 'continuous-with' }.slug", containsInAnyOrder("achilles-tendinitis"))
                .body("relations.name", hasItem("Achilles tendinitis"))
                .body("recommendedAppointmentTypes", hasItem("plantar-fasciitis-massage-60"));
    }

    @Test
    void unknownSlugIsNotFoundProblem() {
        given().get("/api/v1/injuries/broken-leg")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString("broken-leg"));
    }

    @Test
    void entryCarriesEtagAndPublicCaching() {
        given().get("/api/v1/injuries/runners-knee")
                .then().statusCode(200)
                .header("ETag", startsWith("\""))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("Vary", containsString("Authorization"));
    }

    @Test
    void currentEtagInIfNoneMatchGivesNotModified() {
        String etag = given().get("/api/v1/injuries/runners-knee").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/injuries/runners-knee")
                .then().statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyOrNullString());
    }

    @Test
    void staleEtagInIfNoneMatchGivesTheEntry() {
        given().header("If-None-Match", "\"not-the-current-tag\"").get("/api/v1/injuries/runners-knee")
                .then().statusCode(200)
                .body("slug", equalTo("runners-knee"));
    }

    @Test
    void regionFilterKeepsEntriesOfThatRegion() {
        given().queryParam("region", "foot").get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items.slug", hasItem("plantar-fasciitis"))
                .body("items.slug", not(hasItem("it-band-syndrome")))
                .body("items.bodyRegions", everyItem(hasItem("foot")));
    }

    @Test
    void unknownRegionIsBadRequestNamingTheParameter() {
        given().queryParam("region", "elbow").get("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(containsString("region")));
    }

    @Test
    void pageSizeAboveTheMaximumIsBadRequest() {
        given().queryParam("size", 1000).get("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(containsString("size")));
    }

    @Test
    void pagingSplitsTheResults() {
        given().queryParam("size", 2).queryParam("page", 1).get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(1))
                .body("size", equalTo(2));
    }

    @Test
    void pageBeyondTheEndIsEmptyButKeepsTheTotals() {
        given().queryParam("page", 50).get("/api/v1/injuries")
                .then().statusCode(200)
                .body("items", hasSize(0))
                .body("page", equalTo(50))
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }

    @Test
    void anonymousCallerCannotListDrafts() {
        given().queryParam("status", "draft").get("/api/v1/injuries")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void clientCannotListDrafts() {
        given().auth().oauth2(Fixtures.CLIENT).queryParam("status", "any").get("/api/v1/injuries")
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        given().auth().oauth2(ca.bim.clinic.testing.Tokens.forOtherAudience("andrea", "sub-andrea", "admin"))
                .queryParam("status", "draft").get("/api/v1/injuries")
                .then().statusCode(401);
    }
}
