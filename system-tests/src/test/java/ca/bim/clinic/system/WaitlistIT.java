package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The waitlist through the gateway: Alice waits for Monday evenings, Bob cancels his Monday evening session, Alice is
 * offered the slot (a hold, announced in the feed and by webhook) and books it with the hold.
 */
@ExtendWith(SystemExtension.class)
class WaitlistIT {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    private static Keycloak keycloak;
    private static HttpServer receiver;
    private static final List<String> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(RunningSystem system) throws IOException {
        keycloak = new Keycloak(system.keycloakUrl());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            deliveries.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void aClientWaitingForMondayEveningsIsOfferedACancelledSlotAndBooksItWithTheHold() {
        String admin = keycloak.userToken("andrea");
        String alice = keycloak.userToken("alice");
        String bob = keycloak.userToken("bob");
        String aliceId = clientId(alice, "Alice");
        String bobId = clientId(bob, "Bob");

        // A practitioner of its own, working Monday evenings, so no other test's bookings or entries interfere.
        LocalDate today = LocalDate.now(VANCOUVER);
        String practitioner = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Wendy Waitlist " + UUID.randomUUID().toString().substring(0, 8),
                        "discipline", "massage-therapy", "credentials", "RMT", "bio", "Evening sessions"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "richmond", "dayOfWeek", "MONDAY", "startTime", "17:00",
                        "endTime", "20:00", "effectiveFrom", today.toString(),
                        "effectiveTo", today.plusDays(60).toString()))
                .post("/api/v1/practitioners/{id}/schedules", practitioner).then().statusCode(201);
        LocalDate monday = today.plusDays(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String start = monday.atTime(18, 0).atZone(VANCOUVER).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);

        String bobsAppointment = given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner,
                        "locationCode", "richmond", "start", start))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "eventTypes", List.of("waitlist.offered")))
                .post("/api/v1/webhooks").then().statusCode(201);
        String cursor = endOfFeed(admin);

        String entry = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner,
                        "fromDate", today.toString(), "toDate", today.plusDays(21).toString(),
                        "fromTime", "17:00:00", "toTime", "20:00:00", "weekdays", List.of("MONDAY")))
                .post("/api/v1/waitlist").then().statusCode(201).body("clientId", equalTo(aliceId))
                .body("status", equalTo("waiting")).extract().path("id");

        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("reason", "Away that week"))
                .post("/api/v1/appointments/{id}/cancel", bobsAppointment).then().statusCode(200);

        Map<String, Object>[] offer = new Map[1];
        await("the offer is in the feed", () -> (offer[0] = offerIn(admin, cursor, entry)) != null);
        assertThat(offer[0]).containsEntry("clientId", aliceId).containsEntry("startsAt", start)
                .containsEntry("status", "held");
        String hold = (String) offer[0].get("appointmentId");
        assertThat(Instant.parse((String) offer[0].get("holdExpiresAt"))).isAfter(Instant.now());
        await("the webhook receives the offer",
                () -> deliveries.stream().anyMatch(d -> d.contains("waitlist.offered") && d.contains(hold)));
        assertThat(deliveries.stream().filter(d -> d.contains(hold)).findFirst().orElseThrow())
                .doesNotContain("Alice", "Runner");

        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner,
                        "locationCode", "richmond", "start", start, "holdId", hold))
                .post("/api/v1/appointments").then().statusCode(201).body("id", equalTo(hold))
                .body("clientId", equalTo(aliceId)).body("status", equalTo("booked"));
        given().auth().oauth2(alice).get("/api/v1/waitlist/{id}", entry).then().statusCode(200)
                .body("status", equalTo("booked"));
        assertThat(bobId).isNotEqualTo(aliceId);
    }

    /** The caller's client record id (created on first use, as BookingFlowIT does). */
    private static String clientId(String token, String firstName) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("firstName", firstName, "lastName", "Runner"))
                .post("/api/v1/clients").then().statusCode(is(oneOf(201, 409)));
        return given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200).extract().path("id");
    }

    /** The feed's position after its last event. */
    private static String endOfFeed(String admin) {
        String cursor = null;
        while (true) {
            var request = given().auth().oauth2(admin).queryParam("limit", 500);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("next") == null ? cursor : page.getString("next");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    /** The data of the waitlist.offered event for this entry after the cursor, or null while there is none. */
    private static Map<String, Object> offerIn(String admin, String cursor, String entry) {
        var request = given().auth().oauth2(admin).queryParam("limit", 500);
        if (cursor != null) {
            request = request.queryParam("after", cursor);
        }
        List<Map<String, Object>> offers = request.get("/api/v1/events").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.type == 'waitlist.offered' }.data");
        return offers.stream().filter(d -> entry.equals(d.get("waitlistEntryId"))).findFirst().orElse(null);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
