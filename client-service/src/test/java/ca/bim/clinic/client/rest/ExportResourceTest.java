package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ExportResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A record with something in every part. */
    private static Account fullRecord() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(alice.token()).contentType(ContentType.JSON).body(IntakeResourceTest.INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(201);
        as(alice.token()).contentType(ContentType.JSON).body(IntakeResourceTest.UPDATED_INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(200);
        as(alice.token()).contentType(ContentType.JSON).body("{\"consent\": \"data-sharing\", \"action\": \"grant\"}")
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        as(alice.token()).contentType(ContentType.JSON)
                .body("{\"consent\": \"data-sharing\", \"action\": \"withdraw\"}")
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        String lawrence = Fixtures.therapist(LAWRENCE);
        String noteId = as(lawrence).contentType(ContentType.JSON).body(NoteResourceTest.NOTE)
                .post("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(201).extract().path("id");
        as(lawrence).post("/api/v1/clients/{id}/notes/{n}/sign", alice.id(), noteId).then().statusCode(200);
        as(lawrence).contentType(ContentType.JSON).body("{\"text\": \"Lateral heel, not medial\"}")
                .post("/api/v1/clients/{id}/notes/{n}/amendments", alice.id(), noteId).then().statusCode(201);
        return alice;
    }

    @Test
    void exportHoldsEverythingAboutTheClient() {
        Account alice = fullRecord();
        as(alice.token()).get("/api/v1/clients/{id}/export", alice.id())
                .then().statusCode(200)
                .body("exportedAt", notNullValue())
                .body("profile.id", equalTo(alice.id()))
                .body("profile.email", equalTo("alice@example.com"))
                .body("intakeHistory.version", contains(2, 1))
                .body("intakeHistory[1].answers.currentInjuries[0].slug", equalTo("plantar-fasciitis"))
                .body("consents.history.decision", contains("granted", "withdrawn"))
                .body("consents.current.find { it.consent == 'data-sharing' }.granted", equalTo(false))
                .body("notes[0].status", equalTo("signed"))
                .body("notes[0].practitioner", equalTo(LAWRENCE))
                .body("notes[0].amendments[0].text", equalTo("Lateral heel, not medial"))
                .body("careTeam.therapistSubject", contains(Fixtures.subjectOf(LAWRENCE)))
                .body("accessLog.action", hasItems("create", "update", "grant", "withdraw", "sign", "amend", "add"))
                .body("accessLog[0].action", equalTo("export"));
    }

    @Test
    void adminExportsAnyClient() {
        Account alice = Fixtures.newClient();
        as(Fixtures.admin()).get("/api/v1/clients/{id}/export", alice.id())
                .then().statusCode(200)
                .body("accessLog.actor", hasItem("andrea"));
    }

    @Test
    void nobodyElseExports() {
        Account alice = fullRecord();
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/export", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/export", alice.id()).then().statusCode(403);
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/export", alice.id()).then().statusCode(404);
        as(Fixtures.bookingService()).get("/api/v1/clients/{id}/export", alice.id()).then().statusCode(404);
        given().get("/api/v1/clients/{id}/export", alice.id()).then().statusCode(401);
    }
}
