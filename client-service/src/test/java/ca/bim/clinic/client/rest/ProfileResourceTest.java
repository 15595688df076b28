package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ProfileResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void clientReadsOwnProfileWithItsVersionAsETag() {
        Account alice = Fixtures.newClient();
        as(alice.token()).get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(alice.id()))
                .body("status", equalTo("active"))
                .body("lastName", equalTo("Runner"));
    }

    @Test
    void anotherClientsRecordIsNotFoundLikeAnUnknownId() {
        Account alice = Fixtures.newClient();
        String unknown = as(Fixtures.otherClient()).get("/api/v1/clients/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .extract().path("detail");
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo(unknown));
    }

    @Test
    void anonymousIsUnauthorized() {
        Account alice = Fixtures.newClient();
        given().get("/api/v1/clients/{id}", alice.id()).then().statusCode(401);
        given().contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{}")
                .patch("/api/v1/clients/{id}", alice.id()).then().statusCode(401);
        given().post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(401);
    }

    @Test
    void therapistSeesProfileOnlyOfClientsInTheirCare() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200).body("firstName", equalTo("Alice"));
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void frontDeskAndAdminReadAnyProfile() {
        Account alice = Fixtures.newClient();
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(200);
        as(Fixtures.admin()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(200);
    }

    @Test
    void partnerCannotTellWhetherAClientExists() {
        Account alice = Fixtures.newClient();
        as(Fixtures.partner()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(404);
    }

    @Test
    void aServiceTokenReadsNoProfileItUsesTheStandingFeed() {
        Account alice = Fixtures.newClient();
        as(Fixtures.bookingService()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(404);
        as(Fixtures.bookingService()).get("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(404);
    }

    @Test
    void aUserTokenFromTheBookingServiceClientIsNotTheService() {
        Account alice = Fixtures.newClient();
        as(Fixtures.userTokenViaBookingService()).get("/api/v1/clients/{id}", alice.id()).then().statusCode(404);
        as(Fixtures.userTokenViaBookingService()).get("/api/v1/clients/{id}/consents", alice.id())
                .then().statusCode(404);
    }

    @Test
    void bookingServiceCannotChangeAProfile() {
        Account alice = Fixtures.newClient();
        as(Fixtures.bookingService()).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"lastName\": \"Changed\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(404);
    }

    @Test
    void clientPatchesOwnProfileWithMatchingVersion() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("""
                        {"preferredName": "Al", "preferredLocation": "richmond",
                         "emergencyContact": {"name": "Sam Runner", "phone": "604-555-0199", "relationship": "partner"}}
                        """)
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("preferredName", equalTo("Al"))
                .body("preferredLocation", equalTo("richmond"))
                .body("emergencyContact.name", equalTo("Sam Runner"))
                .body("firstName", equalTo("Alice"))
                .body("version", equalTo(1));
    }

    @Test
    void nullInAMergePatchRemovesTheField() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"phone\": null}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200)
                .body("$", not(hasKey("phone")))
                .body("email", equalTo("alice@example.com"));
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id()).then().statusCode(200);
        as(Fixtures.frontDesk()).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"preferredName\": \"Ally\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(412)
                .contentType(startsWith("application/problem+json"));
        as(alice.token()).get("/api/v1/clients/{id}", alice.id()).then().body("preferredName", equalTo("Al"));
    }

    @Test
    void missingIfMatchIsPreconditionRequired() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(428)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void invalidPatchNamesTheField() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"email\": \"not-an-email\", \"lastName\": null}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("lastName"));
    }

    @Test
    void unknownOrMistypedPatchFieldIsBadRequest() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"shoeSize\": 9}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(400).body("violations.field", hasItem("shoeSize"));
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"dateOfBirth\": \"soon\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(400).body("violations.field", hasItem("dateOfBirth"));
    }

    @Test
    void malformedPatchBodyIsBadRequest() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("{\"lastName\": ")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"0\"").body("[]")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void frontDeskPatchesAnyProfile() {
        Account alice = Fixtures.newClient();
        as(Fixtures.frontDesk()).contentType(MERGE_PATCH).header("If-Match", "W/\"0\"")
                .body("{\"phone\": \"604-555-0111\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200).body("phone", equalTo("604-555-0111"));
    }

    @Test
    void therapistInCareCannotPatchAndAnotherClientGetsNotFound() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(403);
        as(Fixtures.otherClient()).contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(404);
    }

    @Test
    void frontDeskArchivesAndArchivedRecordIsReadOnly() {
        Account alice = Fixtures.newClient();
        as(Fixtures.frontDesk()).post("/api/v1/clients/{id}/archive", alice.id())
                .then().statusCode(200).body("status", equalTo("archived"));
        as(alice.token()).get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200).body("status", equalTo("archived"));
        as(alice.token()).get("/api/v1/clients/me").then().statusCode(200).body("status", equalTo("archived"));
        as(alice.token()).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id())
                .then().statusCode(409);
        as(Fixtures.admin()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(409);
    }

    @Test
    void onlyStaffArchive() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(alice.token()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(403);
        as(Fixtures.otherClient()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(404);
        as(Fixtures.admin()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(200);
    }

    @Test
    void malformedIdIsNotFound() {
        as(Fixtures.admin()).get("/api/v1/clients/not-a-uuid").then().statusCode(404);
    }
}
