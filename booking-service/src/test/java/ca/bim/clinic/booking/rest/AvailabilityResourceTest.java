package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class AvailabilityResourceTest {

    @Inject
    FixedClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void springForwardDayHasTheSlotsOfItsFiveRealHours() {
        clock.set("2026-03-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("dst-spring"));
        // Sunday 00:00-06:00 local on the day clocks jump from 02:00 PST to 03:00 PDT: 5 real hours.
        Fixtures.schedule(p, RICHMOND, "SUNDAY", "00:00", "06:00", "2026-03-08", "2026-03-08");

        List<String> starts = availability("sports-massage-60", p, "2026-03-08", "2026-03-08")
                .body("totalItems", equalTo(17))
                .body("items[0].start", equalTo("2026-03-08T00:00:00-08:00"))
                .body("items[7].start", equalTo("2026-03-08T01:45:00-08:00"))
                .body("items[7].end", equalTo("2026-03-08T03:45:00-07:00"))
                .body("items[8].start", equalTo("2026-03-08T03:00:00-07:00"))
                .body("items[16].start", equalTo("2026-03-08T05:00:00-07:00"))
                .body("items[16].end", equalTo("2026-03-08T06:00:00-07:00"))
                .extract().path("items.start");
        assertThat(starts).noneMatch(s -> s.startsWith("2026-03-08T02:"));
    }

    @Test
    void fallBackDayHasTheSlotsOfItsSevenRealHoursIncludingTheRepeatedHourTwice() {
        clock.set("2026-10-25T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("dst-fall"));
        // Sunday 00:00-06:00 local on the day 01:00-02:00 happens twice (PDT, then PST): 7 real hours.
        Fixtures.schedule(p, RICHMOND, "SUNDAY", "00:00", "06:00", "2026-11-01", "2026-11-01");

        availability("sports-massage-60", p, "2026-11-01", "2026-11-01")
                .body("totalItems", equalTo(25))
                .body("items[0].start", equalTo("2026-11-01T00:00:00-07:00"))
                .body("items.start", hasItems("2026-11-01T01:30:00-07:00", "2026-11-01T01:30:00-08:00"))
                .body("items[24].start", equalTo("2026-11-01T05:00:00-08:00"))
                .body("items[24].end", equalTo("2026-11-01T06:00:00-08:00"));
    }

    @Test
    void bothOccurrencesOfTheRepeatedHourAreBookableAndShownWithTheirOwnOffset() {
        clock.set("2026-10-25T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("dst-book"));
        Fixtures.schedule(p, RICHMOND, "SUNDAY", "00:00", "06:00", "2026-11-01", "2026-11-01");
        UUID first = Fixtures.book(p, "sports-massage-30", RICHMOND, "2026-11-01T01:30:00-07:00");
        UUID second = Fixtures.book(p, "sports-massage-30", RICHMOND, "2026-11-01T01:30:00-08:00");

        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", first)
                .then().statusCode(200).body("start", equalTo("2026-11-01T01:30:00-07:00"))
                .body("end", equalTo("2026-11-01T01:00:00-08:00"));
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", second)
                .then().statusCode(200).body("start", equalTo("2026-11-01T01:30:00-08:00"));
        List<String> starts = availability("sports-massage-30", p, "2026-11-01", "2026-11-01")
                .extract().path("items.start");
        assertThat(starts).doesNotContain("2026-11-01T01:30:00-07:00", "2026-11-01T01:30:00-08:00")
                .contains("2026-11-01T00:45:00-07:00", "2026-11-01T02:15:00-08:00");
    }

    @Test
    void workingHoursKeepTheirLocalTimeAcrossTheChange() {
        clock.set("2026-03-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("dst-monday"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "17:00", "2026-03-01", "2026-03-31");

        availability("sports-massage-60", p, "2026-03-02", "2026-03-02")
                .body("items[0].start", equalTo("2026-03-02T09:00:00-08:00"))
                .body("totalItems", equalTo(29));
        availability("sports-massage-60", p, "2026-03-09", "2026-03-09")
                .body("items[0].start", equalTo("2026-03-09T09:00:00-07:00"))
                .body("totalItems", equalTo(29));
        clock.set("2026-10-25T12:00:00Z");
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "17:00", "2026-11-01", "2026-11-30");
        availability("sports-massage-60", p, "2026-11-02", "2026-11-02")
                .body("items[0].start", equalTo("2026-11-02T09:00:00-08:00"));
    }

    @Test
    void bookedTimeAndBothBuffersAreExcluded() {
        clock.set("2026-05-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("busy"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "14:00", "2026-05-04", "2026-05-04");
        // 60 minutes plus a 15-minute buffer: blocks 10:00-11:15.
        Fixtures.book(p, "sports-massage-60", RICHMOND, "2026-05-04T10:00:00-07:00");

        // A 30-minute slot also needs its own 15-minute buffer before the booked one.
        availability("sports-massage-30", p, "2026-05-04", "2026-05-04")
                .body("items.start", contains("2026-05-04T09:00:00-07:00", "2026-05-04T09:15:00-07:00",
                        "2026-05-04T11:15:00-07:00", "2026-05-04T11:30:00-07:00", "2026-05-04T11:45:00-07:00",
                        "2026-05-04T12:00:00-07:00", "2026-05-04T12:15:00-07:00", "2026-05-04T12:30:00-07:00",
                        "2026-05-04T12:45:00-07:00", "2026-05-04T13:00:00-07:00", "2026-05-04T13:15:00-07:00",
                        "2026-05-04T13:30:00-07:00"));
    }

    @Test
    void cancelledAppointmentsFreeTheirTime() {
        clock.set("2026-05-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("freed"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "10:00", "2026-05-04", "2026-05-04");
        UUID booked = Fixtures.book(p, "sports-massage-60", RICHMOND, "2026-05-04T09:00:00-07:00");
        availability("sports-massage-60", p, "2026-05-04", "2026-05-04").body("totalItems", equalTo(0));

        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Client is travelling"))
                .post("/api/v1/appointments/{id}/cancel", booked).then().statusCode(200);
        availability("sports-massage-60", p, "2026-05-04", "2026-05-04")
                .body("items.start", contains("2026-05-04T09:00:00-07:00"));
    }

    @Test
    void timeOffIsExcluded() {
        clock.set("2026-05-01T12:00:00Z");
        UUID p = Fixtures.practitioner(Fixtures.unique("away"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "12:00", "2026-05-04", "2026-05-04");
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("start", "2026-05-04T10:00:00-07:00", "end", "2026-05-04T11:00:00-07:00",
                        "reason", "Course"))
                .post("/api/v1/practitioners/{id}/time-off", p).then().statusCode(201);

        availability("sports-massage-30", p, "2026-05-04", "2026-05-04")
                .body("items.start", contains("2026-05-04T09:00:00-07:00", "2026-05-04T09:15:00-07:00",
                        "2026-05-04T09:30:00-07:00", "2026-05-04T11:00:00-07:00", "2026-05-04T11:15:00-07:00",
                        "2026-05-04T11:30:00-07:00"));
    }

    @Test
    void slotsRespectTheMinimumNotice() {
        clock.set("2026-05-04T16:30:00Z"); // 09:30 in Richmond
        UUID p = Fixtures.practitioner(Fixtures.unique("notice"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", null);

        availability("sports-massage-60", p, "2026-05-04", "2026-05-04")
                .body("items[0].start", equalTo("2026-05-04T11:30:00-07:00"));
    }

    @Test
    void slotsStopAtTheBookingHorizon() {
        clock.set("2026-05-04T16:30:00Z"); // horizon: 2026-08-02T16:30Z
        UUID p = Fixtures.practitioner(Fixtures.unique("horizon"));
        Fixtures.schedule(p, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", null);

        List<String> starts = availability("sports-massage-60", p, "2026-07-27", "2026-08-10")
                .extract().path("items.start");
        assertThat(starts).isNotEmpty().allMatch(s -> s.startsWith("2026-07-27"));
    }

    @Test
    void allPractitionersAtBothLocationsByDefault() {
        clock.set("2026-05-01T12:00:00Z");
        given().queryParam("appointmentType", "sports-massage-60")
                .queryParam("from", "2026-05-11").queryParam("to", "2026-05-15")
                .get("/api/v1/availability")
                .then().statusCode(200)
                .body("items.locationCode", hasItems("richmond", "vancouver"))
                .body("items.practitionerName", hasItems("Lawrence Lam", "Aubrey Morrison", "Priya Sandhu"))
                .body("items.findAll { it.practitionerName == 'Lawrence Lam' }.start",
                        everyItem(org.hamcrest.Matchers.anyOf(startsWith("2026-05-11"), startsWith("2026-05-13"))))
                .body("items.practitionerName", org.hamcrest.Matchers.not(hasItem("Andrea Lawson")));
    }

    @Test
    void locationFilterAcceptsCodeOrId() {
        clock.set("2026-05-01T12:00:00Z");
        given().queryParam("appointmentType", "kinesiology-assessment-60").queryParam("location", "vancouver")
                .queryParam("from", "2026-05-11T00:00:00-07:00").queryParam("to", "2026-05-16T00:00:00-07:00")
                .get("/api/v1/availability")
                .then().statusCode(200)
                .body("items.locationCode", everyItem(equalTo("vancouver")))
                .body("items.practitionerName", hasItems("Andrea Lawson", "Jordan Tremblay"));
        given().queryParam("appointmentType", "sports-massage-60")
                .queryParam("location", "3f1c2a70-5a8e-4a39-9a52-0c6f1b7e1001").queryParam("from", "2026-05-11")
                .get("/api/v1/availability")
                .then().statusCode(200)
                .body("items.locationCode", everyItem(equalTo("richmond")));
    }

    @Test
    void missingAppointmentTypeIsABadRequestNamingTheField() {
        given().queryParam("from", "2026-05-11").get("/api/v1/availability")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("appointmentType"));
    }

    @Test
    void rangeOverThirtyOneDaysIsABadRequest() {
        given().queryParam("appointmentType", "sports-massage-60").queryParam("from", "2026-05-01")
                .queryParam("to", "2026-06-01").get("/api/v1/availability")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("to"));
    }

    @Test
    void thirtyOneCalendarDaysAcrossTheFallBackChangeAreAllowed() {
        clock.set("2026-10-25T12:00:00Z");
        // 31 days plus the repeated hour in real time.
        given().queryParam("appointmentType", "sports-massage-60").queryParam("from", "2026-10-31")
                .queryParam("to", "2026-11-30").get("/api/v1/availability")
                .then().statusCode(200);
        given().queryParam("appointmentType", "sports-massage-60").queryParam("from", "2026-10-31")
                .queryParam("to", "2026-12-01").get("/api/v1/availability")
                .then().statusCode(400);
    }

    @Test
    void malformedFromIsABadRequest() {
        given().queryParam("appointmentType", "sports-massage-60").queryParam("from", "next tuesday")
                .get("/api/v1/availability")
                .then().statusCode(400)
                .body("violations.field", hasItem("from"));
    }

    @Test
    void unknownAppointmentTypeOrLocationIsNotFound() {
        given().queryParam("appointmentType", "hot-stone-45").queryParam("from", "2026-05-11")
                .get("/api/v1/availability")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().queryParam("appointmentType", "sports-massage-60").queryParam("location", "burnaby")
                .queryParam("from", "2026-05-11").get("/api/v1/availability")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static ValidatableResponse availability(String type, UUID practitioner, String from, String to) {
        return given().queryParam("appointmentType", type).queryParam("practitioner", practitioner)
                .queryParam("from", from).queryParam("to", to)
                .get("/api/v1/availability")
                .then().statusCode(200);
    }
}
