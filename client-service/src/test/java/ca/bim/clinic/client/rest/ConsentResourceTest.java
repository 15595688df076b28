package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

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
class ConsentResourceTest {

    private static final String DATA_SHARING = "current.find { it.consent == 'data-sharing' }";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String decision(String consent, String action) {
        return "{\"consent\": \"%s\", \"action\": \"%s\"}".formatted(consent, action);
    }

    @Test
    void nothingIsGrantedUntilTheClientSaysSo() {
        Account alice = Fixtures.newClient();
        as(alice.token()).get("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(200)
                .body("clientId", equalTo(alice.id()))
                .body("current.consent", contains("treatment", "data-sharing", "marketing-email"))
                .body("current.granted", contains(false, false, false))
                .body("current[0].since", nullValue())
                .body("history", empty());
    }

    @Test
    void grantThenWithdrawKeepsTheHistoryAndDerivesTheCurrentState() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(decision("data-sharing", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(201)
                .body(DATA_SHARING + ".granted", equalTo(true))
                .body(DATA_SHARING + ".recordedBy", equalTo("alice"));
        as(alice.token()).contentType(ContentType.JSON).body(decision("data-sharing", "withdraw"))
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(201);
        as(alice.token()).get("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(200)
                .body(DATA_SHARING + ".granted", equalTo(false))
                .body(DATA_SHARING + ".since", notNullValue())
                .body("history.decision", contains("granted", "withdrawn"))
                .body("history.consent", contains("data-sharing", "data-sharing"))
                .body("history.actorRole", contains("client", "client"))
                .body("history[0].occurredAt", notNullValue());
    }

    @Test
    void frontDeskRecordsAndReadsConsent() {
        Account alice = Fixtures.newClient();
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body(decision("treatment", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(201)
                .body("history[0].actor", equalTo("fran"))
                .body("history[0].actorRole", equalTo("front-desk"));
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(200).body("current[0].granted", equalTo(true));
    }

    @Test
    void therapistInCareReadsButDoesNotRecordConsent() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(200);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body(decision("treatment", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(403);
    }

    @Test
    void anotherClientAndAnonymousAreRefused() {
        Account alice = Fixtures.newClient();
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(404);
        as(Fixtures.otherClient()).contentType(ContentType.JSON).body(decision("marketing-email", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(404);
        given().get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(decision("marketing-email", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(401);
    }

    @Test
    void adminReadsAndRecords() {
        Account alice = Fixtures.newClient();
        as(Fixtures.admin()).contentType(ContentType.JSON).body(decision("marketing-email", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(200).body("current[2].granted", equalTo(true));
    }

    @Test
    void servicesAndPartnersNeitherReadNorRecordConsents() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(decision("data-sharing", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        as(Fixtures.bookingService()).get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(404);
        as(Fixtures.bookingService()).contentType(ContentType.JSON).body(decision("data-sharing", "withdraw"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(404);
        as(Fixtures.partner()).get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(404);
        as(alice.token()).get("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(200).body(DATA_SHARING + ".granted", equalTo(true));
    }

    @Test
    void withdrawingDataSharingChangesNothingForStaff() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(alice.token()).contentType(ContentType.JSON).body(IntakeResourceTest.INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(201);
        as(alice.token()).contentType(ContentType.JSON).body(decision("data-sharing", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        as(alice.token()).contentType(ContentType.JSON).body(decision("data-sharing", "withdraw"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);

        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(200);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(200);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(200);
        as(Fixtures.partner()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(404);
    }

    @Test
    void unknownConsentOrActionIsBadRequest() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(decision("telepathy", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(alice.token()).contentType(ContentType.JSON).body("{\"consent\": \"treatment\"}")
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(400).body("violations.field", hasItem("action"));
        as(alice.token()).contentType(ContentType.JSON).body("[]")
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void archivedClientCanWithdrawButNotGrant() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(decision("marketing-email", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        as(Fixtures.frontDesk()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(200);
        as(alice.token()).contentType(ContentType.JSON).body(decision("treatment", "grant"))
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(409);
        as(alice.token()).contentType(ContentType.JSON).body(decision("marketing-email", "withdraw"))
                .post("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(201).body("current[2].granted", equalTo(false));
    }
}
