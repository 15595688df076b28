package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static ca.bim.clinic.client.rest.Fixtures.subjectOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** The admin's explicit grants and removals, keyed on the therapist's subject; care from bookings is in BookingEventResourceTest. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CareTeamResourceTest {

    private static final String MEMBER = "/api/v1/clients/{id}/care-team/{therapist}";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void adminGrantsCareIdempotentlyBySubject() {
        Account alice = Fixtures.newClient();
        as(Fixtures.admin()).put(MEMBER, alice.id(), subjectOf(LAWRENCE)).then().statusCode(204);
        as(Fixtures.admin()).put(MEMBER, alice.id(), subjectOf(LAWRENCE)).then().statusCode(204);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().statusCode(200)
                .body("therapistSubject", contains(subjectOf(LAWRENCE)))
                .body("[0].source", equalTo("admin"))
                .body("[0].until", nullValue())
                .body("[0].addedBy", equalTo("andrea"));
        as(Fixtures.admin()).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().body("items.findAll { it.resource == 'care-team' && it.action == 'add' }.size()", equalTo(1))
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.resourceId",
                        equalTo(subjectOf(LAWRENCE)));
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
    }

    @Test
    void removingATherapistEndsTheirAccess() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
        as(Fixtures.admin()).delete(MEMBER, alice.id(), subjectOf(LAWRENCE)).then().statusCode(204);
        as(Fixtures.admin()).delete(MEMBER, alice.id(), subjectOf(LAWRENCE)).then().statusCode(204);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/care-team", alice.id()).then().body("$", empty());
    }

    @Test
    void aGrantAfterARemovalGivesCareAgain() {
        Account alice = Fixtures.newClient();
        as(Fixtures.admin()).delete(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(204);
        Fixtures.putInCare(alice.id(), AUBREY);
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/intake/history", alice.id()).then().statusCode(200);
    }

    @Test
    void onlyAdminsManageTheCareTeam() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.frontDesk()).put(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).put(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(403);
        as(alice.token()).put(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(403);
        as(Fixtures.otherClient()).put(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(404);
        as(Fixtures.bookingService()).put(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(404);
        as(Fixtures.frontDesk()).delete(MEMBER, alice.id(), subjectOf(LAWRENCE)).then().statusCode(403);
        given().put(MEMBER, alice.id(), subjectOf(AUBREY)).then().statusCode(401);
        given().delete(MEMBER, alice.id(), subjectOf(LAWRENCE)).then().statusCode(401);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().body("therapistSubject", contains(subjectOf(LAWRENCE)));
    }

    @Test
    void clientAndFrontDeskSeeTheCareTeamOthersDoNot() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), AUBREY);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().statusCode(200).body("therapistSubject", contains(subjectOf(AUBREY)));
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/care-team", alice.id()).then().statusCode(200);
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/care-team", alice.id()).then().statusCode(403);
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/care-team", alice.id()).then().statusCode(404);
        given().get("/api/v1/clients/{id}/care-team", alice.id()).then().statusCode(401);
    }

    @Test
    void aUsernameIsNotASubject() {
        Account alice = Fixtures.newClient();
        as(Fixtures.admin()).put(MEMBER, alice.id(), LAWRENCE)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        as(Fixtures.admin()).put(MEMBER, UUID.randomUUID(), subjectOf(LAWRENCE)).then().statusCode(404);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/care-team", alice.id()).then().body("$", empty());
    }
}
