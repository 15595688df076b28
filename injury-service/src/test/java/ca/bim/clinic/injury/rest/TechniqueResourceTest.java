package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TechniqueResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> technique(String slug) {
        return Map.of("slug", slug, "name", "Fixture technique", "description", "Used by the editing tests only.");
    }

    private static String create(String slug) {
        return given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(technique(slug))
                .post("/api/v1/techniques").then().statusCode(201).extract().header("ETag");
    }

    private static String uniqueSlug() {
        return "technique-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anonymousCallerListsTheTechniques() {
        given().queryParam("size", 100).get("/api/v1/techniques")
                .then().statusCode(200)
                .body("items.slug", hasItems("myofascial-release", "deep-tissue-massage", "iastm", "cupping", "ice",
                        "stretching", "knot-and-adhesion-release", "muscle-activation"))
                .body("items.disclaimer", everyItem(containsString("not a diagnosis")));
    }

    @Test
    void techniqueIsFoundBySlugWithEtag() {
        given().get("/api/v1/techniques/iastm")
                .then().statusCode(200)
                .body("name", containsString("IASTM"))
                .body("description", containsString("scraping"))
                .header("ETag", startsWith("\""))
                .header("Cache-Control", containsString("max-age"));
    }

    @Test
    void currentEtagGivesNotModified() {
        String etag = given().get("/api/v1/techniques/cupping").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/techniques/cupping")
                .then().statusCode(304).body(emptyOrNullString());
    }

    @Test
    void unknownTechniqueIsNotFoundProblem() {
        given().get("/api/v1/techniques/reiki").then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void editorCreatesATechnique() {
        String slug = uniqueSlug();
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(technique(slug))
                .post("/api/v1/techniques")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/techniques/" + slug))
                .body("slug", equalTo(slug));
    }

    @Test
    void anonymousCreateIsUnauthorizedAndClientCreateForbidden() {
        given().contentType(ContentType.JSON).body(technique(uniqueSlug())).post("/api/v1/techniques")
                .then().statusCode(401);
        given().auth().oauth2(Fixtures.CLIENT).contentType(ContentType.JSON).body(technique(uniqueSlug()))
                .post("/api/v1/techniques")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    void invalidTechniqueIsBadRequest() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("slug", "Bad Slug", "name", "", "description", "x"))
                .post("/api/v1/techniques")
                .then().statusCode(400)
                .body("violations.field", hasItems(containsString("slug"), containsString("name")));
    }

    @Test
    void duplicateTechniqueIsConflict() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(technique("cupping"))
                .post("/api/v1/techniques")
                .then().statusCode(409).contentType(startsWith(PROBLEM));
    }

    @Test
    void updateNeedsTheCurrentEtag() {
        String slug = uniqueSlug();
        String etag = create(slug);
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(technique(slug))
                .put("/api/v1/techniques/{slug}", slug).then().statusCode(428);
        given().auth().oauth2(Fixtures.ADMIN).header("If-Match", "\"stale\"").contentType(ContentType.JSON)
                .body(technique(slug)).put("/api/v1/techniques/{slug}", slug).then().statusCode(412);
        given().auth().oauth2(Fixtures.ADMIN).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Renamed", "description", "New words."))
                .put("/api/v1/techniques/{slug}", slug)
                .then().statusCode(200).body("name", equalTo("Renamed")).body("version", equalTo(1));
    }

    @Test
    void techniqueInUseCannotBeDeleted() {
        given().auth().oauth2(Fixtures.ADMIN).delete("/api/v1/techniques/cupping")
                .then().statusCode(409).contentType(startsWith(PROBLEM)).body("detail", containsString("cupping"));
        given().get("/api/v1/techniques/cupping").then().statusCode(200);
    }

    @Test
    void unusedTechniqueIsDeleted() {
        String slug = uniqueSlug();
        create(slug);
        given().auth().oauth2(Fixtures.CLIENT).delete("/api/v1/techniques/{slug}", slug).then().statusCode(403);
        given().auth().oauth2(Fixtures.THERAPIST).delete("/api/v1/techniques/{slug}", slug).then().statusCode(204);
        given().get("/api/v1/techniques/{slug}", slug).then().statusCode(404);
        given().queryParam("size", 100).get("/api/v1/techniques")
                .then().body("items.slug", org.hamcrest.Matchers.not(hasItem(slug)));
    }
}
