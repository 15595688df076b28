package ca.bim.clinic.booking.events.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The outbox content of each change, read back through the catch-up endpoint. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class EventFeedTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_11 = "2026-05-04T11:00:00-07:00";
    private static final String MONDAY_12 = "2026-05-04T12:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";
    private static final String MONDAY_15 = "2026-05-04T15:00:00-07:00";

    @Inject
    FixedClock clock;

    @Inject
    Outbox outbox;

    String username;
    UUID practitioner;
    String partner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void setUp() {
        clock.set("2026-05-01T12:00:00Z");
        username = Fixtures.unique("rmt");
        practitioner = Fixtures.practitioner(username);
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        partner = Fixtures.partner(Fixtures.unique("partner"));
    }

    @Test
    void everyChangeWritesOneEventInCommitOrder() {
        UUID client = Events.sharingClient();
        UUID a = book(partner, MONDAY_10, client);
        post(partner, a, "reschedule", Map.of("start", MONDAY_14)).statusCode(200);
        clock.set("2026-05-03T22:00:00Z"); // inside 24 hours
        post(partner, a, "cancel", Map.of("reason", "Travelling")).statusCode(200);
        clock.set("2026-05-01T12:00:00Z");
        UUID b = book(partner, MONDAY_10, client);
        clock.set("2026-05-04T16:30:00Z"); // check-in only on the appointment's day
        post(Fixtures.admin(), b, "check-in", null).statusCode(200);
        post(Fixtures.admin(), b, "complete", null).statusCode(200);
        UUID c = book(partner, MONDAY_15, client);
        clock.set("2026-05-04T23:00:00Z"); // after the start
        post(Fixtures.admin(), c, "no-show", null).statusCode(200);

        JsonPath events = given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items.type", contains("appointment.booked", "appointment.rescheduled", "appointment.cancelled",
                        "appointment.booked", "appointment.checked-in", "appointment.completed", "appointment.booked",
                        "appointment.no-show"))
                .body("items.data.appointmentId", contains(a.toString(), a.toString(), a.toString(), b.toString(),
                        b.toString(), b.toString(), c.toString(), c.toString()))
                .body("items.data.status", contains("booked", "booked", "cancelled", "booked", "checked-in",
                        "completed", "booked", "no-show"))
                .body("items.version", org.hamcrest.Matchers.everyItem(equalTo(1)))
                .body("hasMore", equalTo(false))
                .extract().jsonPath();
        assertThat(events.getList("items.id")).doesNotHaveDuplicates();

        Map<String, Object> booked = events.getMap("items[0].data");
        assertThat(booked).containsOnlyKeys("appointmentId", "clientId", "practitionerId", "practitionerUsername",
                "practitionerSubject", "locationId", "locationCode", "appointmentTypeCode", "startsAt", "endsAt", "status");
        assertThat(booked).containsEntry("clientId", client.toString())
                .containsEntry("practitionerId", practitioner.toString())
                .containsEntry("practitionerUsername", username)
                .containsEntry("locationCode", RICHMOND)
                .containsEntry("appointmentTypeCode", "sports-massage-60")
                .containsEntry("startsAt", MONDAY_10)
                .containsEntry("endsAt", MONDAY_11);
        Map<String, Object> rescheduled = events.getMap("items[1].data");
        assertThat(rescheduled).containsEntry("startsAt", MONDAY_14)
                .containsEntry("previousStartsAt", MONDAY_10).containsEntry("previousEndsAt", MONDAY_11);
        assertThat(events.getBoolean("items[2].data.late")).isTrue();
        assertThat(events.getString("items[0].occurredAt")).isEqualTo("2026-05-01T12:00:00Z");
    }

    @Test
    void cancellingOutsideTheWindowIsNotLate() {
        UUID a = book(partner, MONDAY_10, Events.sharingClient());
        post(partner, a, "cancel", Map.of("reason", "Travelling")).statusCode(200);
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items[1].type", equalTo("appointment.cancelled"))
                .body("items[1].data.late", equalTo(false));
    }

    @Test
    void refusedChangesWriteNoEvent() {
        book(partner, MONDAY_10, Events.sharingClient());
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(bookingBody(MONDAY_10, Events.sharingClient()))
                .post("/api/v1/appointments").then().statusCode(409);
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void replayedBookingWritesNoSecondEvent() {
        var body = bookingBody(MONDAY_10, Events.sharingClient());
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(partner).contentType(ContentType.JSON).header("Idempotency-Key", "retry-1")
                    .body(body).post("/api/v1/appointments").then().statusCode(201);
        }
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void catchUpPagesOnWithTheOpaqueCursor() {
        UUID first = book(partner, MONDAY_10, Events.sharingClient());
        UUID second = book(partner, MONDAY_12, Events.sharingClient());
        UUID third = book(partner, MONDAY_14, Events.sharingClient());
        String next = given().auth().oauth2(partner).queryParam("limit", 2).get("/api/v1/events").then()
                .statusCode(200)
                .body("items.data.appointmentId", contains(first.toString(), second.toString()))
                .body("hasMore", equalTo(true))
                .extract().path("next");
        String end = given().auth().oauth2(partner).queryParam("after", next).queryParam("limit", 2)
                .get("/api/v1/events").then().statusCode(200)
                .body("items.data.appointmentId", contains(third.toString()))
                .body("hasMore", equalTo(false))
                .extract().path("next");
        given().auth().oauth2(partner).queryParam("after", end).get("/api/v1/events").then().statusCode(200)
                .body("items", hasSize(0)).body("next", equalTo(end)).body("hasMore", equalTo(false));
    }

    @Test
    void partnerReadsOnlyTheEventsOfItsOwnBookingsAndAdminReadsAll() {
        String other = Fixtures.partner(Fixtures.unique("partner"));
        UUID mine = book(partner, MONDAY_10, Events.sharingClient());
        UUID theirs = book(other, MONDAY_14, Events.sharingClient());
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items.data.appointmentId", contains(mine.toString()));
        given().auth().oauth2(other).get("/api/v1/events").then().statusCode(200)
                .body("items.data.appointmentId", contains(theirs.toString()));
        assertThat(adminFeed()).extracting(e -> (Object) ((Map<?, ?>) e.get("data")).get("appointmentId"))
                .contains(theirs.toString(), mine.toString());
    }

    @Test
    void partnerStopsSeeingAClientWhoWithdrewDataSharingWhileAdminStillDoes() {
        UUID client = Events.sharingClient();
        UUID appointment = book(partner, MONDAY_10, client);
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items.data.appointmentId", contains(appointment.toString()));

        Events.standing(client, false);
        clock.set("2026-05-04T16:30:00Z"); // the appointment's day, for the check-in
        post(Fixtures.admin(), appointment, "check-in", null).statusCode(200);
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200).body("items", hasSize(0));
        assertThat(adminFeed()).filteredOn(e -> appointment.toString().equals(((Map<?, ?>) e.get("data")).get("appointmentId")))
                .extracting(e -> e.get("type")).containsExactly("appointment.booked", "appointment.checked-in");
    }

    @Test
    void clientWithoutAStandingRowIsHiddenFromPartners() {
        UUID client = Events.sharingClient();
        book(partner, MONDAY_10, client);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("DELETE FROM client_standing WHERE client_id = :id").setParameter("id", client)
                .executeUpdate());
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void accessLogEventsNeverReachTheFeed() {
        UUID client = Events.sharingClient();
        UUID appointment = book(partner, MONDAY_10, client);
        UUID read = QuarkusTransaction.requiringNew().call(() -> outbox.appointmentsRead(client, "sub-fran",
                "front-desk", List.of(appointment), "GET /api/v1/appointments"));
        assertThat(adminFeed()).extracting(e -> e.get("type")).contains("appointment.booked")
                .doesNotContain("client.appointments-read");
        assertThat(adminFeed()).extracting(e -> e.get("id")).doesNotContain(read.toString());
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items.type", contains("appointment.booked"));
    }

    @Test
    void unreadableOrOldStyleCursorIsABadRequest() {
        given().auth().oauth2(partner).queryParam("after", UUID.randomUUID()).get("/api/v1/events").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(partner).queryParam("after", "not-a-cursor").get("/api/v1/events").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(partner).queryParam("limit", 0).get("/api/v1/events").then().statusCode(400);
        given().auth().oauth2(partner).queryParam("limit", 501).get("/api/v1/events").then().statusCode(400);
        given().auth().oauth2(partner).queryParam("limit", "ten").get("/api/v1/events").then().statusCode(400);
    }

    @Test
    void eventsAreForPartnersAndAdminsOnly() {
        given().get("/api/v1/events").then().statusCode(401);
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/events").then().statusCode(403);
        given().auth().oauth2(Fixtures.client(Fixtures.unique("alice"))).get("/api/v1/events").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.therapist(username)).get("/api/v1/events").then().statusCode(403);
        given().auth().oauth2(Fixtures.admin()).queryParam("limit", 1).get("/api/v1/events").then()
                .statusCode(200).body("items[0].data.practitionerName", nullValue());
    }

    /** The whole feed as an admin reads it, page by page. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> adminFeed() {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = given().auth().oauth2(Fixtures.admin()).queryParam("limit", 500);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        return all;
    }

    private UUID book(String token, String start, UUID client) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(bookingBody(start, client))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private Map<String, Object> bookingBody(String start, UUID client) {
        return Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                "locationCode", RICHMOND, "start", start, "clientId", client.toString());
    }

    private static io.restassured.response.ValidatableResponse post(String token, UUID id, String action,
            Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post("/api/v1/appointments/{id}/" + action, id).then();
    }
}
