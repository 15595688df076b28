package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** Slot holds: the database keeps a held slot from everyone else until the hold is booked, released or expires. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class HoldResourceTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";

    @Inject
    FixedClock clock;

    UUID practitioner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void practitionerWorkingMondays() {
        ClientServiceStub.reset();
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("hold"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
    }

    @Test
    void twentyConcurrentHoldsOnOneSlotYieldExactlyOne201() throws Exception {
        String token = Fixtures.frontDesk();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<io.restassured.response.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(body(MONDAY_10, UUID.randomUUID(), null));
                    go.await();
                    return request.post("/api/v1/holds");
                }));
            }
            go.countDown();
            for (var future : futures) {
                var response = future.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 201) {
                    response.then().statusCode(409).contentType(startsWith("application/problem+json"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void holdAnswersWithItsExpiryFiveMinutesAhead() {
        hold(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID()).statusCode(201)
                .header("Location", containsString("/api/v1/holds/"))
                .header("Idempotent-Replayed", "false")
                .body("expiresAt", equalTo("2026-05-01T12:05:00Z"))
                .body("status", equalTo("active"))
                .body("start", equalTo(MONDAY_10));
    }

    @Test
    void aHeldSlotLeavesAvailabilityAndAnExpiredHoldReturnsIt() {
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID());
        availableStarts().body("items.start", not(hasItem(MONDAY_10)));

        clock.set("2026-05-01T12:05:00Z");
        availableStarts().body("items.start", hasItem(MONDAY_10));
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/holds/{id}", hold)
                .then().statusCode(200).body("status", equalTo("expired"));
        // Nobody cleared it: the next writer does, in its own transaction.
        hold(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID()).statusCode(201);
    }

    @Test
    void aHeldSlotCannotBeBookedOrHeldByAnyoneElse() {
        holdId(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID());
        hold(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID()).statusCode(409);
        book(Fixtures.frontDesk(), body(MONDAY_10, UUID.randomUUID(), null)).statusCode(409)
                .contentType(startsWith("application/problem+json"));
        // Overlapping, not only equal, starts are refused too.
        book(Fixtures.frontDesk(), body("2026-05-04T10:30:00-07:00", UUID.randomUUID(), null)).statusCode(409);
    }

    @Test
    void releasingFreesTheSlotAtOnce() {
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID());
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/holds/{id}", hold).then().statusCode(204);
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/holds/{id}", hold)
                .then().statusCode(200).body("status", equalTo("released"));
        availableStarts().body("items.start", hasItem(MONDAY_10));
        book(Fixtures.frontDesk(), body(MONDAY_10, UUID.randomUUID(), null)).statusCode(201);
        // Releasing again changes nothing.
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/holds/{id}", hold).then().statusCode(204);
    }

    @Test
    void bookingTheHoldTurnsItIntoTheAppointmentOnceAndAgainReturnsIt() {
        String subject = Fixtures.unique("client");
        String client = Fixtures.client(subject);
        UUID clientId = ClientServiceStub.clientIdOf(subject);
        String hold = holdId(client, MONDAY_10, null);

        book(client, body(MONDAY_10, null, hold)).statusCode(201)
                .header("Idempotent-Replayed", "false")
                .body("id", equalTo(hold)).body("status", equalTo("booked"))
                .body("clientId", equalTo(clientId.toString()));
        book(client, body(MONDAY_10, null, hold)).statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(hold));
        given().auth().oauth2(client).get("/api/v1/holds/{id}", hold)
                .then().statusCode(200).body("status", equalTo("booked"));
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .get("/api/v1/appointments").then().statusCode(200).body("totalItems", equalTo(1));
        // Once booked the hold's expiry no longer matters: it is an appointment.
        clock.set("2026-05-01T13:00:00Z");
        availableStarts().body("items.start", not(hasItem(MONDAY_10)));
        given().auth().oauth2(client).delete("/api/v1/holds/{id}", hold).then().statusCode(409);
    }

    @Test
    void concurrentBookingsOfOneHoldGiveOneAppointment() throws Exception {
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, UUID.fromString("00000000-0000-0000-0000-000000000017"));
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<io.restassured.response.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                futures.add(pool.submit(() -> given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                        .body(body(MONDAY_10, UUID.fromString("00000000-0000-0000-0000-000000000017"), hold))
                        .post("/api/v1/appointments")));
            }
            List<String> ids = new ArrayList<>();
            for (var future : futures) {
                ids.add(future.get().then().statusCode(201).extract().path("id"));
            }
            assertThat(ids).containsOnly(hold);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .get("/api/v1/appointments").then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void anExpiredHoldCannotBeBooked() {
        UUID client = UUID.randomUUID();
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, client);
        clock.set("2026-05-01T12:05:00Z");
        book(Fixtures.frontDesk(), body(MONDAY_10, client, hold)).statusCode(410)
                .body("detail", containsString("expired"));
    }

    @Test
    void aBookingThatDoesNotMatchItsHoldIsRefused() {
        UUID client = UUID.randomUUID();
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, client);
        book(Fixtures.frontDesk(), body("2026-05-04T11:00:00-07:00", client, hold)).statusCode(422);
        book(Fixtures.frontDesk(), body(MONDAY_10, UUID.randomUUID(), hold)).statusCode(422);
    }

    @Test
    void aRetriedHoldWithTheSameIdempotencyKeyIsReplayed() {
        UUID client = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body(MONDAY_10, client, null)).post("/api/v1/holds")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body(MONDAY_10, client, null)).post("/api/v1/holds")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body("2026-05-04T13:00:00-07:00", client, null))
                .post("/api/v1/holds").then().statusCode(422);
    }

    @Test
    void aLiveHoldIsBookedEvenOnceTheMinimumNoticeHasPassedItsStart() {
        UUID client = UUID.randomUUID();
        clock.set("2026-05-04T14:57:00Z"); // 07:57 in Richmond: 10:00 is 2 h 3 min away, just outside the notice
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, client);
        clock.set("2026-05-04T15:01:00Z"); // 1 h 59 min before the start, the hold still live

        // The rules were checked when the slot was held; the hold is the promise, so they are not checked again.
        book(Fixtures.frontDesk(), body(MONDAY_10, client, hold)).statusCode(201).body("id", equalTo(hold));
        // Without a hold the same start, with another practitioner free then, is too soon.
        UUID other = Fixtures.practitioner(Fixtures.unique("hold"));
        Fixtures.schedule(other, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        book(Fixtures.frontDesk(), Map.of("appointmentType", "sports-massage-60", "practitionerId", other.toString(),
                "locationCode", RICHMOND, "start", MONDAY_10, "clientId", client.toString())).statusCode(409)
                .body("detail", containsString("minimum notice"));
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().contentType(ContentType.JSON).body(body(MONDAY_10, UUID.randomUUID(), null)).post("/api/v1/holds")
                .then().statusCode(401);
        given().get("/api/v1/holds/{id}", UUID.randomUUID()).then().statusCode(401);
        given().delete("/api/v1/holds/{id}", UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void therapistsDoNotHold() {
        String hold = holdId(Fixtures.frontDesk(), MONDAY_10, UUID.randomUUID());
        String therapist = Fixtures.therapist(Fixtures.unique("t"));
        hold(therapist, "2026-05-04T13:00:00-07:00", UUID.randomUUID()).statusCode(403);
        given().auth().oauth2(therapist).get("/api/v1/holds/{id}", hold).then().statusCode(403);
        given().auth().oauth2(therapist).delete("/api/v1/holds/{id}", hold).then().statusCode(403);
    }

    @Test
    void anotherClientsHoldIsNotFound() {
        String owner = Fixtures.client(Fixtures.unique("owner"));
        String other = Fixtures.client(Fixtures.unique("other"));
        String hold = holdId(owner, MONDAY_10, null);
        given().auth().oauth2(other).get("/api/v1/holds/{id}", hold).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(other).delete("/api/v1/holds/{id}", hold).then().statusCode(404);
        book(other, body(MONDAY_10, null, hold)).statusCode(404);
        given().auth().oauth2(owner).get("/api/v1/holds/{id}", hold).then().statusCode(200);
        // A client cannot hold for someone else.
        hold(other, "2026-05-04T13:00:00-07:00", UUID.randomUUID()).statusCode(403);
    }

    @Test
    void partnersHoldOnlyForConsentingClientsAndSeeOnlyTheirOwnHolds() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        UUID refusing = UUID.randomUUID();
        ClientServiceStub.set(refusing, Standing.NO_DATA_SHARING);
        hold(partner, MONDAY_10, refusing).statusCode(403).body("detail", containsString("data sharing"));

        String hold = holdId(partner, MONDAY_10, UUID.randomUUID());
        given().auth().oauth2(partner).get("/api/v1/holds/{id}", hold).then().statusCode(200);
        String otherPartner = Fixtures.partner(Fixtures.unique("partner"));
        given().auth().oauth2(otherPartner).get("/api/v1/holds/{id}", hold).then().statusCode(404);
        given().auth().oauth2(otherPartner).delete("/api/v1/holds/{id}", hold).then().statusCode(404);
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/holds/{id}", hold).then().statusCode(200);
    }

    private ValidatableResponse availableStarts() {
        return given().queryParam("appointmentType", "sports-massage-60").queryParam("practitioner", practitioner)
                .queryParam("from", "2026-05-04").queryParam("to", "2026-05-04")
                .get("/api/v1/availability").then().statusCode(200);
    }

    private Map<String, Object> body(String start, UUID clientId, String holdId) {
        var body = new HashMap<String, Object>(Map.of("appointmentType", "sports-massage-60", "practitionerId",
                practitioner.toString(), "locationCode", RICHMOND, "start", start));
        if (clientId != null) {
            body.put("clientId", clientId.toString());
        }
        if (holdId != null) {
            body.put("holdId", holdId);
        }
        return body;
    }

    private ValidatableResponse hold(String token, String start, UUID clientId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(start, clientId, null))
                .post("/api/v1/holds").then();
    }

    private String holdId(String token, String start, UUID clientId) {
        return hold(token, start, clientId).statusCode(201).extract().path("id");
    }

    private ValidatableResponse book(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appointments").then();
    }
}
