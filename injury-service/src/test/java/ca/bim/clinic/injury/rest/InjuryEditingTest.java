package ca.bim.clinic.injury.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class InjuryEditingTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Creates a draft as the therapist and returns its ETag. */
    private static String createDraft(String slug) {
        return given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(Fixtures.entry(slug))
                .post("/api/v1/injuries")
                .then().statusCode(201).extract().header("ETag");
    }

    private static String publish(String slug) {
        return given().auth().oauth2(Fixtures.ADMIN).post("/api/v1/injuries/{slug}/publish", slug)
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    void therapistCreatesADraftWithLocationAndEtag() {
        String slug = Fixtures.uniqueSlug();
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(Fixtures.entry(slug))
                .post("/api/v1/injuries")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/injuries/" + slug))
                .header("ETag", startsWith("\""))
                .body("slug", equalTo(slug))
                .body("status", equalTo("draft"))
                .body("treatments[0].techniqueName", equalTo("Cupping"))
                .body("disclaimer", containsString("not a diagnosis"));
    }

    @Test
    void adminCreatesToo() {
        given().auth().oauth2(Fixtures.ADMIN).contentType(ContentType.JSON).body(Fixtures.entry(Fixtures.uniqueSlug()))
                .post("/api/v1/injuries")
                .then().statusCode(201);
    }

    @Test
    void anonymousCreateIsUnauthorized() {
        given().contentType(ContentType.JSON).body(Fixtures.entry(Fixtures.uniqueSlug()))
                .post("/api/v1/injuries")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void clientCreateIsForbidden() {
        given().auth().oauth2(Fixtures.CLIENT).contentType(ContentType.JSON).body(Fixtures.entry(Fixtures.uniqueSlug()))
                .post("/api/v1/injuries")
                .then().statusCode(403)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void frontDeskCreateIsForbidden() {
        given().auth().oauth2(Fixtures.FRONT_DESK).contentType(ContentType.JSON)
                .body(Fixtures.entry(Fixtures.uniqueSlug()))
                .post("/api/v1/injuries")
                .then().statusCode(403);
    }

    @Test
    void draftIsHiddenFromAnonymousAndClientsButShownToEditors() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        given().get("/api/v1/injuries/{slug}", slug).then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(Fixtures.CLIENT).get("/api/v1/injuries/{slug}", slug).then().statusCode(404);
        given().queryParam("q", "Fixture condition").get("/api/v1/injuries")
                .then().statusCode(200).body("items.slug", not(hasItem(slug)));
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200)
                .body("status", equalTo("draft"))
                .header("Cache-Control", containsString("private"));
        given().auth().oauth2(Fixtures.THERAPIST).queryParam("status", "draft").queryParam("size", 100)
                .get("/api/v1/injuries")
                .then().statusCode(200).body("items.slug", hasItem(slug));
    }

    @Test
    void invalidEntryIsBadRequestNamingTheFields() {
        Map<String, Object> entry = Fixtures.entry(Fixtures.uniqueSlug());
        entry.put("name", " ");
        entry.put("bodyRegions", List.of("elbow"));
        entry.put("recommendedAppointmentTypes", List.of("hot-stone-45"));
        entry.put("sources", List.of());
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("violations.field", hasItems(containsString("name"), containsString("bodyRegions"),
                        containsString("recommendedAppointmentTypes"), containsString("sources")));
    }

    @Test
    void malformedJsonIsBadRequestProblem() {
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body("{\"slug\": \"x\", \"bodyRegions\": ")
                .post("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void missingBodyIsBadRequest() {
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON)
                .post("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void malformedSlugIsBadRequest() {
        Map<String, Object> entry = Fixtures.entry("Not A Slug!");
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(400)
                .body("violations.field", hasItem(containsString("slug")));
    }

    @Test
    void duplicateSlugIsConflict() {
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(Fixtures.entry("it-band-syndrome"))
                .post("/api/v1/injuries")
                .then().statusCode(409)
                .contentType(startsWith(PROBLEM))
                .body("detail", containsString("it-band-syndrome"));
    }

    @Test
    void unknownTechniqueIsUnprocessable() {
        Map<String, Object> entry = Fixtures.entry(Fixtures.uniqueSlug());
        entry.put("treatments", List.of(Map.of("technique", "crystal-healing", "purpose", "None.")));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(422)
                .contentType(startsWith(PROBLEM))
                .body("detail", containsString("crystal-healing"));
    }

    @Test
    void unknownRelatedEntryIsUnprocessable() {
        Map<String, Object> entry = Fixtures.entry(Fixtures.uniqueSlug());
        entry.put("relations", List.of(Map.of("slug", "broken-leg", "kind", "related")));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(422)
                .body("detail", containsString("broken-leg"));
    }

    @Test
    void updateWithoutIfMatchIsPreconditionRequired() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(Fixtures.entry(slug))
                .put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(428)
                .contentType(startsWith(PROBLEM));
    }

    @Test
    void updateWithStaleEtagIsPreconditionFailed() {
        String slug = Fixtures.uniqueSlug();
        String first = createDraft(slug);
        Map<String, Object> entry = Fixtures.entry(slug);
        entry.put("summary", "First edit.");
        given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", first).contentType(ContentType.JSON).body(entry)
                .put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200);
        entry.put("summary", "Second edit from a stale copy.");
        given().auth().oauth2(Fixtures.ADMIN).header("If-Match", first).contentType(ContentType.JSON).body(entry)
                .put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(412)
                .contentType(startsWith(PROBLEM));
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/injuries/{slug}", slug)
                .then().body("summary", equalTo("First edit."));
    }

    @Test
    void updateWithCurrentEtagReplacesTheContent() {
        String slug = Fixtures.uniqueSlug();
        String etag = createDraft(slug);
        Map<String, Object> entry = Fixtures.entry(slug);
        entry.put("summary", "Rewritten summary.");
        entry.put("relations", List.of(Map.of("slug", "runners-knee", "kind", "related")));
        String newTag = given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", etag).contentType(ContentType.JSON)
                .body(entry).put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200)
                .body("summary", equalTo("Rewritten summary."))
                .body("version", equalTo(1))
                .body("relatedInjuries", contains("runners-knee"))
                .extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(newTag).isNotEqualTo(etag);
    }

    @Test
    void aRecommendedCourseIsStoredReturnedAndKeptInTheRevisions() {
        String slug = Fixtures.uniqueSlug();
        String etag = createDraft(slug);
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200).body("recommendedCourse", nullValue());
        Map<String, Object> entry = Fixtures.entry(slug);
        entry.put("recommendedCourse", Map.of("sessions", 6, "recurrence", "weekly"));

        given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", etag).contentType(ContentType.JSON).body(entry)
                .put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200)
                .body("recommendedCourse.sessions", equalTo(6))
                .body("recommendedCourse.recurrence", equalTo("weekly"));
        publish(slug);
        given().get("/api/v1/injuries/{slug}", slug).then().statusCode(200)
                .body("recommendedCourse.sessions", equalTo(6))
                .body("recommendedCourse.recurrence", equalTo("weekly"));
        given().auth().oauth2(Fixtures.THERAPIST).get("/api/v1/injuries/{slug}/revisions", slug)
                .then().statusCode(200)
                .body("items.action", contains("published", "updated", "created"))
                .body("items[1].content.recommendedCourse.sessions", equalTo(6))
                .body("items[2].content.recommendedCourse", nullValue());
    }

    @Test
    void removingTheCourseLeavesNone() {
        String slug = Fixtures.uniqueSlug();
        Map<String, Object> entry = Fixtures.entry(slug);
        entry.put("recommendedCourse", Map.of("sessions", 4, "recurrence", "every-two-weeks"));
        String etag = given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(201).body("recommendedCourse.recurrence", equalTo("every-two-weeks"))
                .extract().header("ETag");
        entry.remove("recommendedCourse");

        given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", etag).contentType(ContentType.JSON).body(entry)
                .put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(200).body("recommendedCourse", nullValue());
    }

    @Test
    void anInvalidCourseIsBadRequestNamingItsFields() {
        Map<String, Object> entry = Fixtures.entry(Fixtures.uniqueSlug());
        entry.put("recommendedCourse", Map.of("sessions", 13, "recurrence", "daily"));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("violations.field", hasItems(containsString("recommendedCourse.sessions"),
                        containsString("recommendedCourse.recurrence")));
        entry.put("recommendedCourse", Map.of("sessions", 1, "recurrence", "weekly"));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(400).body("violations.field", hasItem(containsString("recommendedCourse.sessions")));
        entry.put("recommendedCourse", Map.of("recurrence", "weekly"));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry)
                .post("/api/v1/injuries")
                .then().statusCode(400).body("violations.field", hasItem(containsString("recommendedCourse.sessions")));
    }

    @Test
    void slugCannotChangeOnUpdate() {
        String slug = Fixtures.uniqueSlug();
        String etag = createDraft(slug);
        given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Fixtures.entry(Fixtures.uniqueSlug())).put("/api/v1/injuries/{slug}", slug)
                .then().statusCode(422);
    }

    @Test
    void updateOfUnknownSlugIsNotFound() {
        given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", "\"x\"").contentType(ContentType.JSON)
                .body(Fixtures.entry("no-such-entry")).put("/api/v1/injuries/no-such-entry")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void anonymousUpdateIsUnauthorizedAndClientUpdateForbidden() {
        given().header("If-Match", "\"x\"").contentType(ContentType.JSON).body(Fixtures.entry("runners-knee"))
                .put("/api/v1/injuries/runners-knee")
                .then().statusCode(401);
        given().auth().oauth2(Fixtures.CLIENT).header("If-Match", "\"x\"").contentType(ContentType.JSON)
                .body(Fixtures.entry("runners-knee")).put("/api/v1/injuries/runners-knee")
                .then().statusCode(403);
    }

    @Test
    void publishedEntryIsPublicUntilUnpublished() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        publish(slug);
        given().get("/api/v1/injuries/{slug}", slug).then().statusCode(200).body("status", equalTo("published"));
        given().auth().oauth2(Fixtures.THERAPIST).post("/api/v1/injuries/{slug}/unpublish", slug)
                .then().statusCode(200).body("status", equalTo("draft"));
        given().get("/api/v1/injuries/{slug}", slug).then().statusCode(404);
    }

    @Test
    void publishingTwiceIsConflict() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        publish(slug);
        given().auth().oauth2(Fixtures.ADMIN).post("/api/v1/injuries/{slug}/publish", slug)
                .then().statusCode(409).contentType(startsWith(PROBLEM));
    }

    @Test
    void unpublishingADraftIsConflict() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        given().auth().oauth2(Fixtures.ADMIN).post("/api/v1/injuries/{slug}/unpublish", slug)
                .then().statusCode(409);
    }

    @Test
    void publishWithStaleEtagIsPreconditionFailed() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        given().auth().oauth2(Fixtures.ADMIN).header("If-Match", "\"stale\"")
                .post("/api/v1/injuries/{slug}/publish", slug)
                .then().statusCode(412);
    }

    @Test
    void clientCannotPublishAndAnonymousCannotUnpublish() {
        given().auth().oauth2(Fixtures.CLIENT).post("/api/v1/injuries/runners-knee/unpublish")
                .then().statusCode(403);
        given().post("/api/v1/injuries/runners-knee/unpublish").then().statusCode(401);
    }

    @Test
    void linkToADraftIsShownToEditorsOnly() {
        String draft = Fixtures.uniqueSlug();
        createDraft(draft);
        String published = Fixtures.uniqueSlug();
        Map<String, Object> entry = Fixtures.entry(published);
        entry.put("relations", List.of(Map.of("slug", draft, "kind", "related")));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry).post("/api/v1/injuries")
                .then().statusCode(201);
        publish(published);
        given().get("/api/v1/injuries/{slug}", published).then().statusCode(200).body("relatedInjuries", empty());
        given().auth().oauth2(Fixtures.THERAPIST).get("/api/v1/injuries/{slug}", published)
                .then().statusCode(200).body("relatedInjuries", contains(draft));
    }

    @Test
    void etagChangesWhenALinkedEntryIsUnpublished() {
        String target = Fixtures.uniqueSlug();
        createDraft(target);
        publish(target);
        String source = Fixtures.uniqueSlug();
        Map<String, Object> entry = Fixtures.entry(source);
        entry.put("relations", List.of(Map.of("slug", target, "kind", "related")));
        given().auth().oauth2(Fixtures.THERAPIST).contentType(ContentType.JSON).body(entry).post("/api/v1/injuries")
                .then().statusCode(201);
        publish(source);
        String before = given().get("/api/v1/injuries/{slug}", source).then().statusCode(200)
                .body("relatedInjuries", contains(target)).extract().header("ETag");
        given().auth().oauth2(Fixtures.ADMIN).post("/api/v1/injuries/{slug}/unpublish", target).then().statusCode(200);
        given().header("If-None-Match", before).get("/api/v1/injuries/{slug}", source)
                .then().statusCode(200)
                .body("relatedInjuries", empty());
    }

    @Test
    void deletedEntryIsGone() {
        String slug = Fixtures.uniqueSlug();
        String etag = createDraft(slug);
        given().auth().oauth2(Fixtures.ADMIN).header("If-Match", etag).delete("/api/v1/injuries/{slug}", slug)
                .then().statusCode(204);
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/injuries/{slug}", slug).then().statusCode(404);
        given().auth().oauth2(Fixtures.ADMIN).delete("/api/v1/injuries/{slug}", slug).then().statusCode(404);
    }

    @Test
    void deleteWithStaleEtagIsPreconditionFailed() {
        String slug = Fixtures.uniqueSlug();
        createDraft(slug);
        given().auth().oauth2(Fixtures.ADMIN).header("If-Match", "\"stale\"").delete("/api/v1/injuries/{slug}", slug)
                .then().statusCode(412);
    }

    @Test
    void clientDeleteIsForbiddenAndAnonymousDeleteUnauthorized() {
        given().auth().oauth2(Fixtures.CLIENT).delete("/api/v1/injuries/runners-knee").then().statusCode(403);
        given().delete("/api/v1/injuries/runners-knee").then().statusCode(401);
        given().get("/api/v1/injuries/runners-knee").then().statusCode(200);
    }

    @Test
    void everyChangeKeepsARevisionNewestFirst() {
        String slug = Fixtures.uniqueSlug();
        String etag = createDraft(slug);
        Map<String, Object> entry = Fixtures.entry(slug);
        entry.put("summary", "Edited once.");
        given().auth().oauth2(Fixtures.THERAPIST).header("If-Match", etag).contentType(ContentType.JSON).body(entry)
                .put("/api/v1/injuries/{slug}", slug).then().statusCode(200);
        publish(slug);
        given().auth().oauth2(Fixtures.THERAPIST).get("/api/v1/injuries/{slug}/revisions", slug)
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.action", contains("published", "updated", "created"))
                .body("items.version", contains(2, 1, 0))
                .body("items.changedBy", contains("sub-andrea", "sub-lawrence", "sub-lawrence"))
                .body("items[1].content.summary", equalTo("Edited once."))
                .body("items[2].content.summary", equalTo(Fixtures.entry(slug).get("summary")))
                .body("items[0].changedAt", notNullValue());
    }

    @Test
    void seededEntryHasItsInitialRevision() {
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/injuries/achilles-tendinitis/revisions")
                .then().statusCode(200)
                .body("items.action", hasItem("created"))
                .body("items.changedBy", hasItem("flyway-seed"))
                .body("items.content.relations.kind.flatten()", hasItems("may-lead-to", "continuous-with"));
    }

    @Test
    void revisionsAreForEditorsOnly() {
        given().get("/api/v1/injuries/runners-knee/revisions").then().statusCode(401);
        given().auth().oauth2(Fixtures.CLIENT).get("/api/v1/injuries/runners-knee/revisions")
                .then().statusCode(403).contentType(startsWith(PROBLEM));
    }

    @Test
    void revisionsOfUnknownSlugAreNotFound() {
        given().auth().oauth2(Fixtures.ADMIN).get("/api/v1/injuries/broken-leg/revisions").then().statusCode(404);
    }
}
