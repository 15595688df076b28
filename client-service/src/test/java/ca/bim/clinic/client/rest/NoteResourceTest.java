package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class NoteResourceTest {

    static final String NOTE = """
            {"appointmentId": "6f1c2a3e-2b7d-4a8e-9c1f-0d2e3f4a5b6c",
             "subjective": "Heel pain on first steps in the morning, worse after long runs",
             "objective": "Tight calves, tender plantar fascia at the medial heel",
             "assessment": "Plantar fasciitis, early stage",
             "plan": "Weekly sessions for three weeks; calf stretching at home",
             "techniques": ["myofascial release", "IASTM"]}
            """;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Account clientInCareOf(String... therapists) {
        Account alice = Fixtures.newClient();
        for (String therapist : therapists) {
            Fixtures.putInCare(alice.id(), therapist);
        }
        return alice;
    }

    private static String draft(Account client, String therapist) {
        return as(Fixtures.therapist(therapist)).contentType(ContentType.JSON).body(NOTE)
                .post("/api/v1/clients/{id}/notes", client.id())
                .then().statusCode(201).extract().path("id");
    }

    private static String signed(Account client, String therapist) {
        String noteId = draft(client, therapist);
        as(Fixtures.therapist(therapist)).post("/api/v1/clients/{id}/notes/{n}/sign", client.id(), noteId)
                .then().statusCode(200);
        return noteId;
    }

    @Test
    void therapistInCareWritesADraftUnderTheirOwnName() {
        Account alice = clientInCareOf(LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body(NOTE)
                .post("/api/v1/clients/{id}/notes", alice.id())
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/clients/" + alice.id() + "/notes/[0-9a-f-]{36}"))
                .body("practitioner", equalTo(LAWRENCE))
                .body("status", equalTo("draft"))
                .body("signedAt", nullValue())
                .body("techniques", contains("myofascial release", "IASTM"))
                .body("appointmentId", equalTo("6f1c2a3e-2b7d-4a8e-9c1f-0d2e3f4a5b6c"));
    }

    @Test
    void writingAsAnotherPractitionerIsForbidden() {
        Account alice = clientInCareOf(LAWRENCE, AUBREY);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON)
                .body("{\"practitioner\": \"aubrey\", \"subjective\": \"sore\"}")
                .post("/api/v1/clients/{id}/notes", alice.id())
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        as(Fixtures.admin()).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().body("items.find { it.action == 'create' && it.resource == 'notes' }.outcome",
                        equalTo("denied"));
    }

    @Test
    void therapistNotInCareNeitherReadsNorWrites() {
        Account alice = clientInCareOf(LAWRENCE);
        draft(alice, LAWRENCE);
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(AUBREY)).contentType(ContentType.JSON).body(NOTE)
                .post("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
    }

    @Test
    void frontDeskNeverSeesNotes() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = draft(alice, LAWRENCE);
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId).then().statusCode(403);
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body(NOTE)
                .post("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
    }

    @Test
    void clientReadsOwnNotesButWritesNone() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = signed(alice, LAWRENCE);
        as(alice.token()).get("/api/v1/clients/{id}/notes", alice.id())
                .then().statusCode(200).body("items.id", contains(noteId));
        as(alice.token()).contentType(ContentType.JSON).body(NOTE)
                .post("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        as(alice.token()).contentType(ContentType.JSON).body("{\"text\": \"I disagree\"}")
                .post("/api/v1/clients/{id}/notes/{n}/amendments", alice.id(), noteId).then().statusCode(403);
    }

    @Test
    void anotherClientAndAnonymousAreRefused() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = draft(alice, LAWRENCE);
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(404);
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId).then().statusCode(404);
        given().get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(401);
        given().post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), noteId).then().statusCode(401);
    }

    @Test
    void adminReadsEveryNote() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = draft(alice, LAWRENCE);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().statusCode(200).body("practitioner", equalTo(LAWRENCE));
    }

    @Test
    void authorEditsADraftThenSignsIt() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = draft(alice, LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON)
                .body("{\"subjective\": \"Heel pain\", \"techniques\": [\"cupping\"]}")
                .put("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().statusCode(200).body("subjective", equalTo("Heel pain"))
                .body("techniques", contains("cupping"));
        as(Fixtures.therapist(LAWRENCE)).post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), noteId)
                .then().statusCode(200)
                .body("status", equalTo("signed"))
                .body("signedAt", notNullValue());
    }

    @Test
    void onlyTheAuthorEditsOrSigns() {
        Account alice = clientInCareOf(LAWRENCE, AUBREY);
        String noteId = draft(alice, LAWRENCE);
        as(Fixtures.therapist(AUBREY)).post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), noteId)
                .then().statusCode(403);
        as(Fixtures.admin()).post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), noteId)
                .then().statusCode(403);
        as(Fixtures.therapist(AUBREY)).contentType(ContentType.JSON).body(NOTE)
                .put("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId).then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().body("status", equalTo("draft"));
    }

    @Test
    void aSignedNoteNeverChanges() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = signed(alice, LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body("{\"subjective\": \"rewritten\"}")
                .put("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
        as(Fixtures.therapist(LAWRENCE)).post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), noteId)
                .then().statusCode(409);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().statusCode(200)
                .body("subjective", equalTo("Heel pain on first steps in the morning, worse after long runs"));
    }

    @Test
    void theDatabaseRefusesToChangeASignedNote() {
        Account alice = clientInCareOf(LAWRENCE);
        UUID noteId = UUID.fromString(signed(alice, LAWRENCE));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE treatment_note SET subjective = 'tampered' WHERE id = ?1")
                .setParameter(1, noteId).executeUpdate()))
                .hasStackTraceContaining("signed treatment notes are immutable");
    }

    @Test
    void amendmentsAreDatedAttributedAndShownWithTheNote() {
        Account alice = clientInCareOf(LAWRENCE, AUBREY);
        String noteId = signed(alice, LAWRENCE);
        as(Fixtures.therapist(AUBREY)).contentType(ContentType.JSON)
                .body("{\"text\": \"Pain is on the lateral heel, not medial\", \"reason\": \"site misrecorded\"}")
                .post("/api/v1/clients/{id}/notes/{n}/amendments", alice.id(), noteId)
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("author", equalTo(AUBREY))
                .body("createdAt", notNullValue());
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON)
                .body("{\"text\": \"Agreed; lateral heel\"}")
                .post("/api/v1/clients/{id}/notes/{n}/amendments", alice.id(), noteId)
                .then().statusCode(201);
        as(alice.token()).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().statusCode(200)
                .body("assessment", equalTo("Plantar fasciitis, early stage"))
                .body("amendments.author", contains(AUBREY, LAWRENCE))
                .body("amendments.authorRole", contains("therapist", "therapist"))
                .body("amendments[0].reason", equalTo("site misrecorded"))
                .body("amendments[1].text", equalTo("Agreed; lateral heel"));
    }

    @Test
    void draftsAreCorrectedByEditingNotByAmendment() {
        Account alice = clientInCareOf(LAWRENCE);
        String noteId = draft(alice, LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body("{\"text\": \"fix\"}")
                .post("/api/v1/clients/{id}/notes/{n}/amendments", alice.id(), noteId)
                .then().statusCode(409);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes/{n}", alice.id(), noteId)
                .then().body("amendments", empty());
    }

    @Test
    void unknownNoteIsNotFoundAndBadBodyIsBadRequest() {
        Account alice = clientInCareOf(LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes/{n}", alice.id(), UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        as(Fixtures.therapist(LAWRENCE)).post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), UUID.randomUUID())
                .then().statusCode(404);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body("{\"text\": \"\"}")
                .post("/api/v1/clients/{id}/notes/{n}/amendments", alice.id(), UUID.randomUUID())
                .then().statusCode(400);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON)
                .body("{\"techniques\": [\"\"], \"appointmentId\": \"nope\"}")
                .post("/api/v1/clients/{id}/notes", alice.id())
                .then().statusCode(400);
    }

    @Test
    void archivedClientGetsNoNewNotes() {
        Account alice = clientInCareOf(LAWRENCE);
        as(Fixtures.admin()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(200);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body(NOTE)
                .post("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(409);
    }
}
