package ca.bim.clinic.booking.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The in-memory catalogue: an admin change through this replica is seen by the very next availability search and
 * booking, although the search just before it filled the copy; a copy is not used past its age or for times
 * before what it holds.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class CatalogSnapshotTest {

    private static final String MONDAY = "2026-05-04";
    private static final String TEN = "2026-05-04T10:00:00-07:00";

    @Inject
    FixedClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void timeOffAddedOrRemovedShowsAtOnceInSearchAndBooking() {
        clock.set("2026-05-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("snap-away"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "10:00", "11:00", MONDAY, MONDAY);
        availability(p).body("items.start", contains(TEN));

        String away = given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("start", TEN, "end", "2026-05-04T11:00:00-07:00", "reason", "Course"))
                .post("/api/v1/practitioners/{id}/time-off", p).then().statusCode(201).extract().path("id");
        availability(p).body("items", empty());
        book(p).statusCode(409);

        given().auth().oauth2(Fixtures.frontDesk())
                .delete("/api/v1/practitioners/{id}/time-off/{timeOffId}", p, away).then().statusCode(204);
        availability(p).body("items.start", contains(TEN));
        book(p).statusCode(201);
    }

    @Test
    void deletedHoursAndADeactivatedPractitionerShowAtOnce() {
        clock.set("2026-05-01T12:00:00Z");
        String username = Fixtures.unique("snap-hours");
        UUID p = Fixtures.practitioner(username);
        UUID monday = Fixtures.schedule(p, RICHMOND, "MONDAY", "10:00", "11:00", MONDAY, MONDAY);
        Fixtures.schedule(p, RICHMOND, "TUESDAY", "10:00", "11:00", "2026-05-05", "2026-05-05");
        availability(p).body("items.start", contains(TEN));

        given().auth().oauth2(Fixtures.admin())
                .delete("/api/v1/practitioners/{id}/schedules/{scheduleId}", p, monday).then().statusCode(204);
        availability(p).body("items", empty());
        book(p).statusCode(409);

        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", username, "name", "Test " + username, "discipline",
                        "massage-therapy", "credentials", "RMT", "bio", "Test practitioner", "active", false))
                .put("/api/v1/practitioners/{id}", p).then().statusCode(200);
        given().queryParam("appointmentType", "sports-massage-60").queryParam("practitioner", p)
                .queryParam("from", "2026-05-05").queryParam("to", "2026-05-05")
                .get("/api/v1/availability").then().statusCode(200).body("items", empty());
    }

    @Test
    void aCopyServesItsOwnTimeOnwardsAndOnlyWhileYoung() {
        Instant since = Instant.parse("2026-05-01T00:00:00Z");
        var copy = new CatalogSnapshot.Copy(Map.of(), List.of(), List.of(), since, 1_000L);
        Duration refresh = Duration.ofSeconds(10);
        assertThat(copy.serves(since, 1_000L, refresh)).isTrue();
        assertThat(copy.serves(since.plusSeconds(3600), 1_000L + refresh.toNanos() - 1, refresh)).isTrue();
        assertThat(copy.serves(since, 1_000L + refresh.toNanos(), refresh)).as("too old").isFalse();
        assertThat(copy.serves(since.minusSeconds(1), 1_000L, refresh)).as("asks about earlier days").isFalse();
    }

    private static ValidatableResponse availability(UUID practitioner) {
        return given().queryParam("appointmentType", "sports-massage-60").queryParam("practitioner", practitioner)
                .queryParam("from", MONDAY).queryParam("to", MONDAY)
                .get("/api/v1/availability").then().statusCode(200);
    }

    private static ValidatableResponse book(UUID practitioner) {
        return given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", TEN, "clientId", UUID.randomUUID().toString()))
                .post("/api/v1/appointments").then();
    }
}
