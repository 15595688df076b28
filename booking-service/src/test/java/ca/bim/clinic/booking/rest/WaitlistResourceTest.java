package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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

import ca.bim.clinic.booking.service.WaitlistService;
import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.ClientServiceStub.Standing;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The waitlist: a freed slot goes to the oldest matching entry as a hold, and moves on when that hold expires. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class WaitlistResourceTest {

    private static final String MONDAY_1730 = "2026-05-04T17:30:00-07:00";

    @Inject
    FixedClock clock;

    @Inject
    WaitlistService waitlist;

    UUID practitioner;
    String partner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void practitionerWorkingMondayEvenings() {
        ClientServiceStub.reset();
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("wait"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "19:00", "2026-05-01", "2026-06-30");
        partner = Fixtures.partner(Fixtures.unique("partner"));
    }

    @Test
    void aFreedSlotGoesToTheOldestMatchingEntryAndMovesOnWhenItsHoldExpires() {
        UUID appointment = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_1730);
        UUID tuesdaysOnly = Events.sharingClient();
        UUID first = Events.sharingClient();
        UUID second = Events.sharingClient();
        join(partner, entry(tuesdaysOnly, List.of("TUESDAY"))).statusCode(201);
        clock.set("2026-05-01T12:01:00Z");
        String firstEntry = join(partner, entry(first, List.of("MONDAY"))).statusCode(201)
                .body("status", equalTo("waiting")).extract().path("id");
        clock.set("2026-05-01T12:02:00Z");
        String secondEntry = join(partner, entry(second, List.of("MONDAY"))).statusCode(201).extract().path("id");

        cancel(appointment);

        JsonPath offers = offers();
        assertThat(offers.getList("data.clientId")).containsExactly(first.toString());
        assertThat(offers.getString("[0].data.waitlistEntryId")).isEqualTo(firstEntry);
        assertThat(offers.getString("[0].data.startsAt")).isEqualTo(MONDAY_1730);
        assertThat(offers.getString("[0].data.holdExpiresAt")).isEqualTo("2026-05-01T12:07:00Z");
        assertThat(offers.getString("[0].data.status")).isEqualTo("held");
        // The slot is held for the first entry: nobody else can take it.
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_1730, "clientId", UUID.randomUUID().toString()))
                .post("/api/v1/appointments").then().statusCode(409);

        clock.set("2026-05-01T12:07:00Z");
        waitlist.sweep();
        offers = offers();
        assertThat(offers.getList("data.clientId")).containsExactly(first.toString(), second.toString());
        String hold = offers.getString("[1].data.appointmentId");

        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_1730, "clientId", second.toString(),
                        "holdId", hold))
                .post("/api/v1/appointments").then().statusCode(201).body("id", equalTo(hold));
        given().auth().oauth2(partner).get("/api/v1/waitlist/{id}", secondEntry)
                .then().statusCode(200).body("status", equalTo("booked"));
        given().auth().oauth2(partner).get("/api/v1/waitlist/{id}", firstEntry)
                .then().statusCode(200).body("status", equalTo("waiting"));
    }

    @Test
    void aReleasedHoldIsOfferedToTheWaitlist() {
        String hold = given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_1730, "clientId", UUID.randomUUID().toString()))
                .post("/api/v1/holds").then().statusCode(201).extract().path("id");
        UUID waiting = Events.sharingClient();
        join(partner, entry(waiting, List.of())).statusCode(201);

        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/holds/{id}", hold).then().statusCode(204);

        assertThat(offers().getList("data.clientId")).containsExactly(waiting.toString());
    }

    @Test
    void newWorkingHoursAreOfferedToWaitingEntries() {
        UUID waiting = Events.sharingClient();
        join(partner, entry(waiting, List.of("TUESDAY"))).statusCode(201);
        assertThat(offers().getList("data")).isEmpty();

        Fixtures.schedule(practitioner, RICHMOND, "TUESDAY", "18:00", "19:00", "2026-05-01", "2026-06-30");

        JsonPath offers = offers();
        assertThat(offers.getList("data.clientId")).containsExactly(waiting.toString());
        assertThat(offers.getString("[0].data.startsAt")).isEqualTo("2026-05-05T18:00:00-07:00");
    }

    @Test
    void leavingTheWaitlistReleasesAnOfferSoTheNextEntryGetsIt() {
        UUID appointment = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_1730);
        UUID first = Events.sharingClient();
        UUID second = Events.sharingClient();
        String firstEntry = join(partner, entry(first, List.of())).statusCode(201).extract().path("id");
        clock.set("2026-05-01T12:01:00Z");
        join(partner, entry(second, List.of())).statusCode(201);
        cancel(appointment);

        given().auth().oauth2(partner).delete("/api/v1/waitlist/{id}", firstEntry).then().statusCode(204);

        assertThat(offers().getList("data.clientId")).containsExactly(first.toString(), second.toString());
        given().auth().oauth2(partner).get("/api/v1/waitlist/{id}", firstEntry)
                .then().statusCode(200).body("status", equalTo("removed"));
    }

    @Test
    void anEntryExpiresAtTheEndOfItsWindow() {
        String id = join(Fixtures.frontDesk(), entry(UUID.randomUUID(), List.of())).statusCode(201).extract().path("id");
        clock.set("2026-05-22T12:00:00Z");
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/waitlist/{id}", id)
                .then().statusCode(200).body("status", equalTo("expired"));
    }

    @Test
    void aWindowThatRunsBackwardsIsRefused() {
        var body = entry(UUID.randomUUID(), List.of());
        body.put("toDate", "2026-04-30");
        join(Fixtures.frontDesk(), body).statusCode(422).body("detail", containsString("dates"));
        body = entry(UUID.randomUUID(), List.of());
        body.put("toTime", "16:00:00");
        join(Fixtures.frontDesk(), body).statusCode(422);
    }

    @Test
    void clientsWaitForThemselvesAndSeeOnlyTheirOwnEntries() {
        String ownerSubject = Fixtures.unique("owner");
        String owner = Fixtures.client(ownerSubject);
        String other = Fixtures.client(Fixtures.unique("other"));
        String id = join(owner, entry(null, List.of("MONDAY"))).statusCode(201)
                .body("clientId", equalTo(ClientServiceStub.clientIdOf(ownerSubject).toString()))
                .extract().path("id");
        given().auth().oauth2(owner).get("/api/v1/waitlist").then().statusCode(200)
                .body("items.id", contains(id));
        given().auth().oauth2(other).get("/api/v1/waitlist").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(other).get("/api/v1/waitlist/{id}", id).then().statusCode(404);
        given().auth().oauth2(other).delete("/api/v1/waitlist/{id}", id).then().statusCode(404);
        join(other, entry(UUID.randomUUID(), List.of())).statusCode(403);
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/waitlist/{id}", id).then().statusCode(200);
        given().auth().oauth2(owner).delete("/api/v1/waitlist/{id}", id).then().statusCode(204);
    }

    @Test
    void partnersActOnlyForConsentingClientsAndSeeOnlyTheirOwnEntries() {
        UUID refusing = UUID.randomUUID();
        ClientServiceStub.set(refusing, Standing.NO_DATA_SHARING);
        join(partner, entry(refusing, List.of())).statusCode(403);
        String id = join(partner, entry(Events.sharingClient(), List.of())).statusCode(201).extract().path("id");
        String otherPartner = Fixtures.partner(Fixtures.unique("partner"));
        given().auth().oauth2(otherPartner).get("/api/v1/waitlist/{id}", id).then().statusCode(404);
        given().auth().oauth2(otherPartner).get("/api/v1/waitlist").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void everyEndpointNeedsATokenAndTherapistsHaveNoWaitlist() {
        given().contentType(ContentType.JSON).body(entry(UUID.randomUUID(), List.of())).post("/api/v1/waitlist")
                .then().statusCode(401);
        given().get("/api/v1/waitlist").then().statusCode(401);
        given().delete("/api/v1/waitlist/{id}", UUID.randomUUID()).then().statusCode(401);
        String therapist = Fixtures.therapist(Fixtures.unique("t"));
        join(therapist, entry(UUID.randomUUID(), List.of())).statusCode(403);
        given().auth().oauth2(therapist).get("/api/v1/waitlist").then().statusCode(403);
    }

    @Test
    void aRetriedJoinWithTheSameIdempotencyKeyReturnsTheSameEntry() {
        UUID client = Events.sharingClient();
        String key = UUID.randomUUID().toString();
        String id = joinWithKey(key, entry(client, List.of("MONDAY", "WEDNESDAY"))).statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");

        // The same window with its weekdays in another order is the same request.
        joinWithKey(key, entry(client, List.of("WEDNESDAY", "MONDAY"))).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString("/api/v1/waitlist/" + id))
                .body("id", equalTo(id));
        given().auth().oauth2(partner).queryParam("size", 100).get("/api/v1/waitlist").then().statusCode(200)
                .body("items.findAll { it.clientId == '" + client + "' }.id", contains(id));
    }

    @Test
    void aJoinKeyReusedWithAnotherBodyIsRefused() {
        UUID client = Events.sharingClient();
        String key = UUID.randomUUID().toString();
        joinWithKey(key, entry(client, List.of("MONDAY"))).statusCode(201);

        joinWithKey(key, entry(client, List.of("TUESDAY"))).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("Idempotency-Key"));
        joinWithKey(key, entry(Events.sharingClient(), List.of("MONDAY"))).statusCode(422);
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_1730, "clientId", client.toString()))
                .post("/api/v1/holds").then().statusCode(422);
    }

    /**
     * Waiting for a 60-minute sports massage with this test's practitioner (so entries of other tests never take its
     * slots) from 17:00 to 20:00 on the next three weeks' days.
     */
    private HashMap<String, Object> entry(UUID clientId, List<String> weekdays) {
        var body = new HashMap<String, Object>(Map.of("appointmentType", "sports-massage-60", "practitionerId",
                practitioner.toString(), "fromDate", "2026-05-01", "toDate", "2026-05-21", "fromTime", "17:00:00",
                "toTime", "20:00:00", "weekdays", weekdays));
        if (clientId != null) {
            body.put("clientId", clientId.toString());
        }
        return body;
    }

    private static ValidatableResponse join(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/waitlist").then();
    }

    private ValidatableResponse joinWithKey(String key, Map<String, Object> body) {
        return given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/waitlist").then();
    }

    private static void cancel(UUID appointment) {
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Cannot come")).post("/api/v1/appointments/{id}/cancel", appointment)
                .then().statusCode(200);
    }

    /** The waitlist.offered events in the partner's feed, in order. */
    private JsonPath offers() {
        JsonPath feed = given().auth().oauth2(partner).queryParam("limit", 100).get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
        return feed.setRootPath("items.findAll { it.type == 'waitlist.offered' }");
    }
}
