package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
class IntakeResourceTest {

    static final String INTAKE = """
            {"conditions": ["asthma"], "medications": ["salbutamol"], "allergies": [],
             "currentInjuries": [{"slug": "plantar-fasciitis", "description": "heel pain on the first steps"}],
             "activityProfile": {"sports": ["running"], "weeklyRunningKm": 45,
                                 "upcomingRace": {"name": "BMO Vancouver Marathon", "date": "2027-05-02", "distanceKm": 42.2}},
             "goals": "run the marathon without heel pain"}
            """;

    static final String UPDATED_INTAKE = """
            {"conditions": ["asthma"], "currentInjuries": [{"slug": "achilles-tendinitis"}],
             "activityProfile": {"sports": ["running", "cycling"], "weeklyRunningKm": 30}}
            """;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyUpdateIsANewVersionAndTheHistoryKeepsThemAll() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("version", equalTo(1))
                .body("recordedBy", equalTo("alice"))
                .body("recordedByRole", equalTo("client"))
                .body("answers.currentInjuries[0].slug", equalTo("plantar-fasciitis"))
                .body("answers.activityProfile.upcomingRace.date", equalTo("2027-05-02"));
        as(alice.token()).contentType(ContentType.JSON).body(UPDATED_INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(200).body("version", equalTo(2));
        as(alice.token()).get("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("answers.currentInjuries[0].slug", equalTo("achilles-tendinitis"))
                .body("answers.goals", equalTo(null));
        as(alice.token()).get("/api/v1/clients/{id}/intake/history", alice.id())
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.version", contains(2, 1))
                .body("items[1].answers.goals", equalTo("run the marathon without heel pain"))
                .body("items[1].answers.activityProfile.weeklyRunningKm", equalTo(45));
    }

    @Test
    void concurrentUpdatesGetConsecutiveVersions() throws Exception {
        Account alice = Fixtures.newClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> as(alice.token()).contentType(ContentType.JSON).body(INTAKE)
                        .put("/api/v1/clients/{id}/intake", alice.id()).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isIn(200, 201);
            }
        } finally {
            pool.shutdown();
        }
        as(alice.token()).get("/api/v1/clients/{id}/intake/history", alice.id())
                .then().statusCode(200).body("items.version", contains(6, 5, 4, 3, 2, 1));
    }

    @Test
    void noIntakeYetIsNotFound() {
        Account alice = Fixtures.newClient();
        as(alice.token()).get("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void therapistInCareReadsAndRecordsIntake() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body(INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(201).body("recordedBy", equalTo(LAWRENCE))
                .body("recordedByRole", equalTo("therapist"));
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(200);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake/history", alice.id())
                .then().statusCode(200);
    }

    @Test
    void therapistNotInCareIsForbidden() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(alice.token()).contentType(ContentType.JSON).body(INTAKE).put("/api/v1/clients/{id}/intake", alice.id());
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/intake/history", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(AUBREY)).contentType(ContentType.JSON).body(INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);
    }

    @Test
    void frontDeskNeverSeesIntake() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(INTAKE).put("/api/v1/clients/{id}/intake", alice.id());
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/intake/history", alice.id()).then().statusCode(403);
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body(INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);
    }

    @Test
    void anotherClientGetsNotFound() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(INTAKE).put("/api/v1/clients/{id}/intake", alice.id());
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(404);
        as(Fixtures.otherClient()).contentType(ContentType.JSON).body(INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(404);
    }

    @Test
    void adminReadsIntakeAndAnonymousIsUnauthorized() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(INTAKE).put("/api/v1/clients/{id}/intake", alice.id());
        as(Fixtures.admin()).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(200);
        given().get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(INTAKE).put("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(401);
    }

    @Test
    void invalidAnswersNameTheFields() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON)
                .body("""
                        {"currentInjuries": [{"slug": "Not A Slug!"}], "activityProfile": {"weeklyRunningKm": -5}}
                        """)
                .put("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("currentInjuries[0].slug"))
                .body("violations.field", hasItem("activityProfile.weeklyRunningKm"));
    }

    @Test
    void archivedClientsIntakeIsReadOnly() {
        Account alice = Fixtures.newClient();
        as(Fixtures.frontDesk()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(200);
        as(alice.token()).contentType(ContentType.JSON).body(INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(409);
    }
}
