package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * Issue 11 through the gateway with real Keycloak tokens: care follows appointments (and an admin's removal
 * sticks), a partner sees a client's appointments only while the client shares data, and client-service's
 * internal endpoints answer only booking-service's service role.
 */
@ExtendWith(SystemExtension.class)
class CareAndConsentIT {

    /** Practitioner ids as seeded by booking-service's demo data, and Aubrey's Keycloak subject. */
    private static final String LAWRENCE = "7a0d9a52-2c51-4c1e-9d4e-000000000001";
    private static final String AUBREY = "7a0d9a52-2c51-4c1e-9d4e-000000000002";
    private static final String AUBREY_SUBJECT = "c1a1ce00-0000-4000-8000-000000000004";

    private static RunningSystem system;
    private static Keycloak keycloak;
    private static String bobId;

    @BeforeAll
    static void start(RunningSystem running) {
        system = running;
        keycloak = new Keycloak(running.keycloakUrl());
        String bob = keycloak.userToken("bob");
        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Bob\", \"lastName\": \"Strider\"}")
                .post("/api/v1/clients").then().statusCode(is(oneOf(201, 409)));
        bobId = given().auth().oauth2(bob).get("/api/v1/clients/me").then().statusCode(200).extract().path("id");
        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body("{\"conditions\": [], \"goals\": \"Back to trail running\"}")
                .put("/api/v1/clients/" + bobId + "/intake").then().statusCode(is(oneOf(200, 201)));
    }

    @Test
    void aBookingCancelledBeforeItStartsLeavesTheTherapistWithoutAccess() {
        String frontDesk = keycloak.userToken("fran");
        String aubrey = keycloak.userToken("aubrey");
        String appointment = book(frontDesk, AUBREY, 20);

        await("aubrey reads bob's intake once booked", () -> intakeStatus(aubrey) == 200);
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON)
                .body(Map.of("reason", "Client called to cancel", "waiveLateCancellation", true))
                .post("/api/v1/appointments/" + appointment + "/cancel").then().statusCode(200);
        await("aubrey loses bob's intake once cancelled", () -> intakeStatus(aubrey) != 200);
        assertThat(intakeStatus(aubrey)).isIn(403, 404);
    }

    @Test
    void anAdminsRemovalSurvivesALaterReschedule() {
        String frontDesk = keycloak.userToken("fran");
        String admin = keycloak.userToken("andrea");
        String aubrey = keycloak.userToken("aubrey");
        String appointment = book(frontDesk, AUBREY, 30);
        await("aubrey reads bob's intake once booked", () -> intakeStatus(aubrey) == 200);

        given().auth().oauth2(admin).delete("/api/v1/clients/" + bobId + "/care-team/" + AUBREY_SUBJECT)
                .then().statusCode(204);
        assertThat(intakeStatus(aubrey)).isIn(403, 404);

        // A reschedule keeps the location, and Aubrey works at each location on other weekdays: a free slot there.
        String location = given().auth().oauth2(frontDesk).get("/api/v1/appointments/" + appointment).then()
                .statusCode(200).extract().path("locationCode");
        String newStart = freeSlot(AUBREY, 45, location).get("start").toString();
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body(Map.of("start", newStart))
                .post("/api/v1/appointments/" + appointment + "/reschedule").then().statusCode(200);
        await("client-service has every event", () -> pendingInternalDeliveries(admin) == 0);
        assertThat(intakeStatus(aubrey)).as("the reschedule does not undo the removal").isIn(403, 404);
    }

    @Test
    void aPartnerLosesTheClientsAppointmentsWhenTheClientWithdrawsDataSharing() {
        String bob = keycloak.userToken("bob");
        String partner = keycloak.clientToken("partner-demo", "partner-demo-secret");
        decide(bob, "grant");
        String[] booked = new String[1];
        await("booking-service knows bob shares data", () -> (booked[0] = bookAsPartner(partner)) != null);
        String appointment = booked[0];
        given().auth().oauth2(partner).get("/api/v1/appointments/" + appointment).then().statusCode(200);

        decide(bob, "withdraw");
        await("the partner no longer sees the appointment", () -> given().auth().oauth2(partner)
                .get("/api/v1/appointments/" + appointment).statusCode() == 404);
        List<String> listed = given().auth().oauth2(partner).queryParam("size", 100).get("/api/v1/appointments")
                .then().statusCode(200).extract().path("items.id");
        assertThat(listed).doesNotContain(appointment);
        String feed = given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200).extract().asString();
        assertThat(feed).doesNotContain(appointment);
        // Bob can no longer be booked by the partner either.
        assertThat(bookAsPartner(partner)).isNull();
    }

    @Test
    void clientServiceAnswersItsInternalEndpointsOnlyToBookingServicesRole() {
        String clientService = system.url("client-service");
        String partner = keycloak.clientToken("partner-demo", "partner-demo-secret");
        String ownAccount = keycloak.clientToken("client-service", "client-service-secret");
        String admin = keycloak.userToken("andrea");
        for (String token : List.of(partner, ownAccount, admin)) {
            given().baseUri(clientService).port(-1).auth().oauth2(token).get("/internal/v1/client-standing")
                    .then().statusCode(403);
            given().baseUri(clientService).port(-1).auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{}").post("/internal/v1/booking-events").then().statusCode(403);
        }
        String bookingService = keycloak.clientToken("booking-service", "booking-service-secret");
        given().baseUri(clientService).port(-1).auth().oauth2(bookingService).get("/internal/v1/client-standing")
                .then().statusCode(200);
    }

    private String book(String token, String practitioner, int daysAhead) {
        Map<String, Object> slot = freeSlot(practitioner, daysAhead, null);
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner,
                        "locationCode", slot.get("locationCode"), "start", slot.get("start"), "clientId", bobId))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
    }

    /** The partner's booking for Bob with Lawrence, or null when booking-service refuses it. */
    private String bookAsPartner(String partner) {
        Map<String, Object> slot = freeSlot(LAWRENCE, 25, null);
        var response = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", LAWRENCE,
                        "locationCode", slot.get("locationCode"), "start", slot.get("start"), "clientId", bobId))
                .post("/api/v1/appointments");
        return response.statusCode() == 201 ? response.path("id") : null;
    }

    /**
     * The first free slot with the practitioner in the week starting {@code daysAhead} days from today, at the
     * location (code) when one is given, else at any.
     */
    private static Map<String, Object> freeSlot(String practitioner, int daysAhead, String location) {
        LocalDate from = LocalDate.now(ZoneId.of("America/Vancouver")).plusDays(daysAhead);
        var request = given();
        if (location != null) {
            request.queryParam("location", location);
        }
        Map<String, Object> slot = request
                .queryParam("appointmentType", "sports-massage-60").queryParam("practitioner", practitioner)
                .queryParam("from", from.toString()).queryParam("to", from.plusDays(7).toString())
                .get("/api/v1/availability").then().statusCode(200).extract().path("items[0]");
        assertThat(slot).as("a free slot with " + practitioner).isNotNull();
        return slot;
    }

    private static void decide(String bob, String action) {
        given().auth().oauth2(bob).contentType(ContentType.JSON)
                .body(Map.of("consent", "data-sharing", "action", action))
                .post("/api/v1/clients/" + bobId + "/consents").then().statusCode(is(oneOf(200, 201)));
    }

    private static int intakeStatus(String token) {
        return given().auth().oauth2(token).get("/api/v1/clients/" + bobId + "/intake").statusCode();
    }

    private static long pendingInternalDeliveries(String admin) {
        return given().auth().oauth2(admin).queryParam("status", "pending").get("/api/v1/events/deliveries")
                .then().statusCode(200).extract().jsonPath().getLong("totalItems");
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
