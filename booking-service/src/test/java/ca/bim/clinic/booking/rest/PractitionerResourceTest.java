package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static ca.bim.clinic.booking.support.Fixtures.VANCOUVER;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Fixtures;
import ca.bim.clinic.booking.support.FixedClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class PractitionerResourceTest {

    private static final String LAWRENCE = "7a0d9a52-2c51-4c1e-9d4e-000000000001";
    private static final String AUBREY = "7a0d9a52-2c51-4c1e-9d4e-000000000002";

    @Inject
    FixedClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anonymousCallerSeesSeededPractitionersWithoutTheirLogins() {
        given().queryParam("size", 100).get("/api/v1/practitioners")
                .then().statusCode(200)
                .body("items.name", hasItems("Lawrence Lam", "Aubrey Morrison", "Andrea Lawson"))
                .body("items.find { it.name == 'Lawrence Lam' }.credentials", containsString("RMT"))
                .body("items.keycloakUsername", everyItem(nullValue()));
    }

    @Test
    void adminSeesTheLinkedKeycloakUsername() {
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/practitioners/{id}", LAWRENCE)
                .then().statusCode(200).body("keycloakUsername", equalTo("lawrence"));
    }

    @Test
    void filterByAppointmentTypeAndLocation() {
        clock.set("2026-05-01T12:00:00Z");
        given().queryParam("appointmentType", "kinesiology-assessment-60").queryParam("location", VANCOUVER)
                .get("/api/v1/practitioners")
                .then().statusCode(200)
                .body("items.discipline", everyItem(equalTo("kinesiology")))
                .body("items.name", hasItems("Andrea Lawson", "Jordan Tremblay"));
        given().queryParam("discipline", "kinesiology").queryParam("appointmentType", "sports-massage-60")
                .get("/api/v1/practitioners")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("discipline", "ACUPUNCTURE").get("/api/v1/practitioners")
                .then().statusCode(400).body("violations.field", hasItem("discipline"));
        given().queryParam("location", "burnaby").get("/api/v1/practitioners").then().statusCode(404);
    }

    @Test
    void unknownPractitionerIsNotFound() {
        given().get("/api/v1/practitioners/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void adminCreatesAndRetiresAPractitioner() {
        String username = Fixtures.unique("newrmt");
        String id = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", username, "name", "Sam Okafor", "discipline", "massage-therapy",
                        "credentials", "RMT", "bio", "Sports massage"))
                .post("/api/v1/practitioners")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/practitioners/"))
                .body("active", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", username, "name", "Sam Okafor", "discipline", "massage-therapy",
                        "credentials", "RMT", "bio", "Sports massage", "active", false))
                .put("/api/v1/practitioners/{id}", id)
                .then().statusCode(200).body("active", equalTo(false));
        given().queryParam("size", 100).get("/api/v1/practitioners")
                .then().body("items.id", not(hasItem(id)));
    }

    @Test
    void demoTherapistsCarryTheirKeycloakSubjectForAdminsOnly() {
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/practitioners/{id}", LAWRENCE)
                .then().statusCode(200).body("subject", equalTo("c1a1ce00-0000-4000-8000-000000000003"));
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/practitioners/{id}", AUBREY)
                .then().statusCode(200).body("subject", equalTo("c1a1ce00-0000-4000-8000-000000000004"));
        given().get("/api/v1/practitioners/{id}", LAWRENCE).then().statusCode(200).body("subject", nullValue());
        given().queryParam("size", 100).get("/api/v1/practitioners")
                .then().statusCode(200).body("items.subject", everyItem(nullValue()));
    }

    @Test
    void adminSetsAndChangesThePractitionersSubject() {
        String username = Fixtures.unique("subrmt");
        String subject = UUID.randomUUID().toString();
        String id = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", username, "subject", subject, "name", "Kai Brandt",
                        "discipline", "massage-therapy", "credentials", "RMT", "bio", "Sports massage"))
                .post("/api/v1/practitioners")
                .then().statusCode(201).body("subject", equalTo(subject)).extract().path("id");
        String renamed = UUID.randomUUID().toString();
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", username, "subject", renamed, "name", "Kai Brandt",
                        "discipline", "massage-therapy", "credentials", "RMT", "bio", "Sports massage"))
                .put("/api/v1/practitioners/{id}", id)
                .then().statusCode(200).body("subject", equalTo(renamed));
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/practitioners/{id}", id)
                .then().statusCode(200).body("subject", equalTo(renamed));
    }

    @Test
    void aSubjectLinksToOnePractitionerOnly() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "c1a1ce00-0000-4000-8000-000000000003", "name", "Impostor",
                        "discipline", "massage-therapy", "credentials", "RMT", "bio", "x"))
                .post("/api/v1/practitioners")
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("subject"));
    }

    @Test
    void aSubjectThatIsNotAUuidIsABadRequest() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("subject", "lawrence", "name", "X", "discipline", "massage-therapy",
                        "credentials", "RMT", "bio", "x"))
                .post("/api/v1/practitioners")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void keycloakUsernameLinksToOnePractitionerOnly() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", "lawrence", "name", "Impostor", "discipline", "massage-therapy",
                        "credentials", "RMT", "bio", "x"))
                .post("/api/v1/practitioners")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    void onlyAdminsManagePractitioners() {
        var body = Map.of("name", "X", "discipline", "kinesiology", "credentials", "Kin", "bio", "x");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/practitioners").then().statusCode(401);
        given().auth().oauth2(Fixtures.therapist("lawrence")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners").then().statusCode(403);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners").then().statusCode(403);
    }

    @Test
    void invalidPractitionerIsABadRequest() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("name", ""))
                .post("/api/v1/practitioners")
                .then().statusCode(400)
                .body("violations.field", hasItems(endsWith("name"), endsWith("discipline")));
    }

    @Test
    void schedulesAreListedPublicly() {
        given().get("/api/v1/practitioners/{id}/schedules", LAWRENCE)
                .then().statusCode(200)
                .body("dayOfWeek", containsInAnyOrder("MONDAY", "WEDNESDAY"))
                .body("find { it.dayOfWeek == 'MONDAY' }.locationCode", equalTo("richmond"));
    }

    @Test
    void practitionerCannotBeScheduledAtTwoLocationsAtOnce() {
        UUID p = Fixtures.practitioner(Fixtures.unique("two-places"));
        Fixtures.schedule(p, RICHMOND, "TUESDAY", "09:00", "13:00", "2026-01-01", null);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", VANCOUVER, "dayOfWeek", "TUESDAY", "startTime", "12:00", "endTime", "17:00",
                        "effectiveFrom", "2026-06-01"))
                .post("/api/v1/practitioners/{id}/schedules", p)
                .then().statusCode(409).body("detail", containsString("two places"));
        // Adjacent hours and the same hours on another day are fine.
        Fixtures.schedule(p, VANCOUVER, "TUESDAY", "13:00", "17:00", "2026-01-01", null);
        Fixtures.schedule(p, VANCOUVER, "WEDNESDAY", "09:00", "13:00", "2026-01-01", null);
    }

    @Test
    void scheduleEntriesThatDoNotOverlapInDatesAreAllowed() {
        UUID p = Fixtures.practitioner(Fixtures.unique("moves"));
        UUID first = Fixtures.schedule(p, RICHMOND, "FRIDAY", "09:00", "17:00", "2026-01-01", "2026-06-30");
        Fixtures.schedule(p, VANCOUVER, "FRIDAY", "09:00", "17:00", "2026-07-01", null);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", RICHMOND, "dayOfWeek", "FRIDAY", "startTime", "09:00", "endTime", "17:00",
                        "effectiveFrom", "2026-01-01", "effectiveTo", "2026-07-15"))
                .put("/api/v1/practitioners/{id}/schedules/{s}", p, first)
                .then().statusCode(409);
        given().auth().oauth2(Fixtures.admin()).delete("/api/v1/practitioners/{id}/schedules/{s}", p, first)
                .then().statusCode(204);
        given().get("/api/v1/practitioners/{id}/schedules", p).then().body("locationCode", containsInAnyOrder(VANCOUVER));
    }

    @Test
    void inconsistentScheduleIsUnprocessableAndMissingFieldsABadRequest() {
        UUID p = Fixtures.practitioner(Fixtures.unique("bad-hours"));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", RICHMOND, "dayOfWeek", "MONDAY", "startTime", "17:00", "endTime", "09:00",
                        "effectiveFrom", "2026-01-01"))
                .post("/api/v1/practitioners/{id}/schedules", p).then().statusCode(422);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "burnaby", "dayOfWeek", "MONDAY", "startTime", "09:00", "endTime", "17:00",
                        "effectiveFrom", "2026-01-01"))
                .post("/api/v1/practitioners/{id}/schedules", p).then().statusCode(422);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", RICHMOND))
                .post("/api/v1/practitioners/{id}/schedules", p)
                .then().statusCode(400).body("violations.field", hasItem(endsWith("dayOfWeek")));
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", RICHMOND, "dayOfWeek", "MONDAY", "startTime", "09:00", "endTime", "17:00",
                        "effectiveFrom", "2026-01-01"))
                .post("/api/v1/practitioners/{id}/schedules", p).then().statusCode(403);
    }

    @Test
    void timeOffOverBookedAppointmentsIsRefused() {
        clock.set("2026-05-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("off"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-05-31");
        Fixtures.book(p, "sports-massage-60", RICHMOND, "2026-05-04T10:00:00-07:00");
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("start", "2026-05-04T00:00:00-07:00", "end", "2026-05-05T00:00:00-07:00", "reason", "Ill"))
                .post("/api/v1/practitioners/{id}/time-off", p)
                .then().statusCode(409).body("detail", containsString("1 booked"));
        String id = given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("start", "2026-05-11T00:00:00-07:00", "end", "2026-05-12T00:00:00-07:00", "reason", "Ill"))
                .post("/api/v1/practitioners/{id}/time-off", p)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/practitioners/{id}/time-off", p)
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(Fixtures.client("sub-alice")).get("/api/v1/practitioners/{id}/time-off", p)
                .then().statusCode(403);
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/practitioners/{id}/time-off/{t}", p, id)
                .then().statusCode(204);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("start", "2026-05-12T00:00:00-07:00", "end", "2026-05-11T00:00:00-07:00", "reason", "x"))
                .post("/api/v1/practitioners/{id}/time-off", p).then().statusCode(422);
    }

    @Test
    void practitionerDownloadsTheirCalendarWithoutClientDetails() {
        clock.set("2026-05-01T12:00:00Z");
        String username = Fixtures.unique("ics");
        UUID p = Fixtures.practitioner(username);
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-05-31");
        UUID client = UUID.randomUUID();
        UUID booked = Fixtures.book(Fixtures.frontDesk(), p, "sports-massage-60", RICHMOND,
                "2026-05-04T10:00:00-07:00", client);

        String ics = given().auth().oauth2(Fixtures.therapist(username))
                .get("/api/v1/practitioners/{id}/calendar.ics", p)
                .then().statusCode(200)
                .contentType(startsWith("text/calendar"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(ics)
                .contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20260504T170000Z", "DTEND:20260504T180000Z",
                        "UID:" + booked, "SUMMARY:Sports Massage\\, 60 minutes")
                .doesNotContain(client.toString());
    }

    @Test
    void calendarIsForStaffAndThePractitionerOnly() {
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/practitioners/{id}/calendar.ics", LAWRENCE)
                .then().statusCode(200);
        given().auth().oauth2(Fixtures.therapist("aubrey")).get("/api/v1/practitioners/{id}/calendar.ics", LAWRENCE)
                .then().statusCode(403);
        given().auth().oauth2(Fixtures.client("sub-alice")).get("/api/v1/practitioners/{id}/calendar.ics", LAWRENCE)
                .then().statusCode(403);
        given().get("/api/v1/practitioners/{id}/calendar.ics", LAWRENCE).then().statusCode(401);
    }
}
