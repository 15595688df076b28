package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.ClientServiceStub.Standing;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Recurring series: all occurrences or none, the local time kept across daylight-saving changes. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class SeriesResourceTest {

    /** Vancouver leaves daylight saving on Sunday 1 November 2026. */
    private static final String FIRST = "2026-10-19T17:30:00-07:00";

    @Inject
    FixedClock clock;

    UUID practitioner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void practitionerWorkingMondayEvenings() {
        ClientServiceStub.reset();
        clock.set("2026-10-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("series"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "19:00", "2026-10-01", "2026-12-31");
    }

    @Test
    void sixWeeklySessionsAcrossTheNovemberChangeKeepTheirLocalTime() {
        UUID client = UUID.randomUUID();
        String id = series(Fixtures.frontDesk(), client, "weekly", 6).statusCode(201)
                .header("Location", containsString("/api/v1/appointment-series/"))
                .body("localStartTime", equalTo("17:30:00"))
                .body("occurrences.start", contains("2026-10-19T17:30:00-07:00", "2026-10-26T17:30:00-07:00",
                        "2026-11-02T17:30:00-08:00", "2026-11-09T17:30:00-08:00", "2026-11-16T17:30:00-08:00",
                        "2026-11-23T17:30:00-08:00"))
                .body("occurrences.status", everyItem(equalTo("booked")))
                .extract().path("id");
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointment-series/{id}", id)
                .then().statusCode(200).body("occurrences", hasSize(6))
                .body("occurrences.seriesId", everyItem(equalTo(id)))
                .body("occurrences.clientId", everyItem(equalTo(client.toString())));
    }

    @Test
    void everyTwoWeeksSkipsAWeek() {
        series(Fixtures.frontDesk(), UUID.randomUUID(), "every-two-weeks", 3).statusCode(201)
                .body("occurrences.start", contains("2026-10-19T17:30:00-07:00", "2026-11-02T17:30:00-08:00",
                        "2026-11-16T17:30:00-08:00"));
    }

    @Test
    void aSeriesWithOneConflictingWeekBooksNothingAndNamesTheWeekAndAnAlternative() {
        Fixtures.book(practitioner, "sports-massage-60", RICHMOND, "2026-11-02T17:30:00-08:00");

        series(Fixtures.frontDesk(), UUID.randomUUID(), "weekly", 6).statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("conflicts", hasSize(1))
                .body("conflicts[0].start", equalTo("2026-11-02T17:30:00-08:00"))
                .body("conflicts[0].reason", containsString("already booked"))
                // 60 minutes plus a 15-minute buffer before the 17:30 booking; nothing fits after it before 19:00.
                .body("conflicts[0].alternative", equalTo("2026-11-02T16:15:00-08:00"));
        assertAppointmentsOfThePractitioner(1);
    }

    @Test
    void cancellingThisAndFollowingLeavesTheEarlierOccurrencesBooked() {
        var created = series(Fixtures.frontDesk(), UUID.randomUUID(), "weekly", 4).statusCode(201).extract();
        String id = created.path("id");
        List<String> occurrences = created.path("occurrences.id");

        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("from", occurrences.get(2), "reason", "Recovered early"))
                .post("/api/v1/appointment-series/{id}/cancel", id)
                .then().statusCode(200)
                .body("occurrences.status", contains("booked", "booked", "cancelled", "cancelled"));
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("from", UUID.randomUUID().toString(), "reason", "x"))
                .post("/api/v1/appointment-series/{id}/cancel", id).then().statusCode(422);
    }

    @Test
    void eachOccurrenceHasItsOwnEventNamingTheSeries() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        String id = series(partner, UUID.randomUUID(), "weekly", 3).statusCode(201).extract().path("id");
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.type", everyItem(equalTo("appointment.booked")))
                .body("items.data.seriesId", everyItem(equalTo(id)));
    }

    @Test
    void aRetriedSeriesWithTheSameIdempotencyKeyReturnsTheSameSeriesAndBooksNothingTwice() {
        UUID client = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        var first = seriesWithKey(key, body(client, "weekly", 3)).statusCode(201)
                .header("Idempotent-Replayed", "false").extract();
        String id = first.path("id");
        List<String> occurrences = first.path("occurrences.id");

        seriesWithKey(key, body(client, "weekly", 3)).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString("/api/v1/appointment-series/" + id))
                .body("id", equalTo(id)).body("occurrences.id", equalTo(occurrences));
        assertAppointmentsOfThePractitioner(3);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefused() {
        UUID client = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        seriesWithKey(key, body(client, "weekly", 2)).statusCode(201);

        seriesWithKey(key, body(client, "weekly", 3)).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("Idempotency-Key"));
        seriesWithKey(key, body(client, "every-two-weeks", 2)).statusCode(422);
        // A key that booked a single appointment cannot book a series either.
        String booking = UUID.randomUUID().toString();
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON).header("Idempotency-Key", booking)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", "2026-12-07T10:00:00-08:00", "clientId",
                        client.toString()))
                .post("/api/v1/appointments").then().statusCode(201);
        seriesWithKey(booking, body(client, "weekly", 2)).statusCode(422);
        assertAppointmentsOfThePractitioner(3);
    }

    @Test
    void aSeriesRefusedForAConflictDoesNotUseUpItsKey() {
        UUID client = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        UUID blocking = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, "2026-10-26T17:30:00-07:00");
        seriesWithKey(key, body(client, "weekly", 2)).statusCode(409);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Moved away")).post("/api/v1/appointments/{id}/cancel", blocking)
                .then().statusCode(200);

        seriesWithKey(key, body(client, "weekly", 2)).statusCode(201).header("Idempotent-Replayed", "false");
    }

    @Test
    void moreThanTwelveOccurrencesIsABadRequest() {
        series(Fixtures.frontDesk(), UUID.randomUUID(), "weekly", 13).statusCode(400);
        series(Fixtures.frontDesk(), UUID.randomUUID(), "daily", 3).statusCode(400);
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().contentType(ContentType.JSON).body(body(UUID.randomUUID(), "weekly", 2))
                .post("/api/v1/appointment-series").then().statusCode(401);
        given().get("/api/v1/appointment-series/{id}", UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/appointment-series/{id}/cancel", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void therapistsDoNotBookOrReadSeries() {
        String id = series(Fixtures.frontDesk(), UUID.randomUUID(), "weekly", 2).statusCode(201).extract().path("id");
        String therapist = Fixtures.therapist(Fixtures.unique("t"));
        series(therapist, UUID.randomUUID(), "weekly", 2).statusCode(403);
        given().auth().oauth2(therapist).get("/api/v1/appointment-series/{id}", id).then().statusCode(403);
    }

    @Test
    void anotherClientsSeriesIsNotFound() {
        String owner = Fixtures.client(Fixtures.unique("owner"));
        String other = Fixtures.client(Fixtures.unique("other"));
        String id = series(owner, null, "weekly", 2).statusCode(201).extract().path("id");
        given().auth().oauth2(owner).get("/api/v1/appointment-series/{id}", id).then().statusCode(200);
        given().auth().oauth2(other).get("/api/v1/appointment-series/{id}", id).then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/appointment-series/{id}/cancel", id).then().statusCode(404);
        series(other, UUID.randomUUID(), "weekly", 2).statusCode(403);
    }

    @Test
    void partnersBookSeriesOnlyForConsentingClientsAndSeeOnlyTheirOwn() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        UUID refusing = UUID.randomUUID();
        ClientServiceStub.set(refusing, Standing.NO_DATA_SHARING);
        series(partner, refusing, "weekly", 2).statusCode(403);
        String id = series(partner, UUID.randomUUID(), "weekly", 2).statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.partner(Fixtures.unique("partner")))
                .get("/api/v1/appointment-series/{id}", id).then().statusCode(404);
    }

    private Map<String, Object> body(UUID clientId, String recurrence, int count) {
        var body = new HashMap<String, Object>(Map.of("appointmentType", "sports-massage-60", "practitionerId",
                practitioner.toString(), "locationCode", RICHMOND, "firstStart", FIRST, "recurrence", recurrence,
                "count", count));
        if (clientId != null) {
            body.put("clientId", clientId.toString());
        }
        return body;
    }

    private void assertAppointmentsOfThePractitioner(int count) {
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .get("/api/v1/appointments").then().statusCode(200).body("totalItems", equalTo(count));
    }

    private static ValidatableResponse seriesWithKey(String key, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/api/v1/appointment-series").then();
    }

    private ValidatableResponse series(String token, UUID clientId, String recurrence, int count) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(clientId, recurrence, count))
                .post("/api/v1/appointment-series").then();
    }
}
