package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * A partner clinic's FHIR client through the gateway, with real Keycloak tokens: it finds a free Slot for a sports
 * massage in Richmond next week, books it, reads it back, and the native API shows the same appointment. Consent
 * decides what the partner may see and do.
 */
@ExtendWith(SystemExtension.class)
class FhirIT {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/Vancouver");

    private static Keycloak keycloak;
    private static String partner;

    @BeforeAll
    static void tokens(RunningSystem system) {
        keycloak = new Keycloak(system.keycloakUrl());
        partner = keycloak.clientToken("partner-demo", "partner-demo-secret");
    }

    private static RequestSpecification fhir() {
        return given().accept(FHIR_JSON);
    }

    /** The client record of a demo user, created if needed; {@code dataSharing} grant, withdraw or null (untouched). */
    private static String clientOf(String username, String lastName, String dataSharing) {
        String token = keycloak.userToken(username);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\": \"" + Character.toUpperCase(username.charAt(0)) + username.substring(1)
                        + "\", \"lastName\": \"" + lastName + "\", \"dateOfBirth\": \"1991-06-02\"}")
                .post("/api/v1/clients").then().statusCode(is(oneOf(201, 409)));
        String id = given().auth().oauth2(token).get("/api/v1/clients/me").then().statusCode(200).extract().path("id");
        if (dataSharing != null) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"consent\": \"data-sharing\", \"action\": \"" + dataSharing + "\"}")
                    .post("/api/v1/clients/" + id + "/consents").then().statusCode(is(oneOf(200, 201)));
        }
        return id;
    }

    /** A free sports-massage slot in Richmond next week (Monday to Sunday, clinic time), found the FHIR way. */
    private static Map<String, Object> freeSlotInRichmondNextWeek() {
        String richmond = fhir().queryParam("identifier", "richmond").get("/fhir/r4/Location").then()
                .statusCode(200).contentType(startsWith(FHIR_JSON)).body("total", equalTo(1))
                .extract().path("entry[0].resource.id");
        List<String> schedules = fhir().queryParam("actor", "Location/" + richmond)
                .queryParam("service-type", "sports-massage-60").get("/fhir/r4/Schedule").then().statusCode(200)
                .extract().path("entry.resource.id");
        assertThat(schedules).as("schedules for sports massage in Richmond").isNotEmpty();
        LocalDate monday = LocalDate.now(CLINIC_ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        JsonPath bundle = fhir()
                .queryParam("schedule", String.join(",", schedules.stream().map(s -> "Schedule/" + s).toList()))
                .queryParam("service-type", "sports-massage-60")
                .queryParam("start", "ge" + monday).queryParam("start", "lt" + monday.plusDays(7))
                .get("/fhir/r4/Slot").then().statusCode(200)
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("searchset"))
                .extract().jsonPath();
        assertThat(bundle.getInt("total")).as("free slots in Richmond next week").isPositive();
        return bundle.getMap("entry[0].resource");
    }

    private static String booking(String slotId, String clientId) {
        return """
                {"resourceType": "Appointment", "status": "booked", "slot": [{"reference": "Slot/%s"}],
                 "participant": [{"actor": {"reference": "Patient/%s"}, "status": "accepted"}]}"""
                .formatted(slotId, clientId);
    }

    @Test
    void partnerFindsBooksAndReadsBackAFreeSlotInRichmondNextWeek() {
        String alice = clientOf("alice", "Runner", "grant");
        Map<String, Object> slot = freeSlotInRichmondNextWeek();
        String slotId = (String) slot.get("id");
        String start = (String) slot.get("start");
        assertThat(slot.get("status")).isEqualTo("free");

        // booking-service learns of the grant from client-service's standing feed, within seconds; the booking
        // that succeeds is read again below through its idempotency key.
        String[] keys = new String[1];
        await("booking-service knows the client consents", () -> {
            keys[0] = UUID.randomUUID().toString();
            return fhir().auth().oauth2(partner).contentType(FHIR_JSON).header("Idempotency-Key", keys[0])
                    .body(booking(slotId, alice)).post("/fhir/r4/Appointment").statusCode() == 201;
        });
        String key = keys[0];
        String appointmentId = fhir().auth().oauth2(partner).contentType(FHIR_JSON).header("Idempotency-Key", key)
                .body(booking(slotId, alice)).post("/fhir/r4/Appointment")
                .then().statusCode(201).contentType(startsWith(FHIR_JSON))
                .header("Location", containsString("/fhir/r4/Appointment/"))
                .body("resourceType", equalTo("Appointment"))
                .body("status", equalTo("booked"))
                .body("start", equalTo(start))
                .extract().path("id");

        // A retry with the same key is the same booking, not a second one.
        fhir().auth().oauth2(partner).contentType(FHIR_JSON).header("Idempotency-Key", key)
                .body(booking(slotId, alice)).post("/fhir/r4/Appointment")
                .then().statusCode(201).body("id", equalTo(appointmentId));
        // The slot is gone: booking it again for someone is a conflict.
        fhir().auth().oauth2(partner).contentType(FHIR_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(booking(slotId, alice)).post("/fhir/r4/Appointment")
                .then().statusCode(409).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("conflict"));

        fhir().auth().oauth2(partner).get("/fhir/r4/Appointment/" + appointmentId).then().statusCode(200)
                .body("start", equalTo(start))
                .body("participant.find { it.actor.reference.startsWith('Patient/') }.actor.reference",
                        equalTo("Patient/" + alice));
        given().auth().oauth2(partner).get("/api/v1/appointments/" + appointmentId).then().statusCode(200)
                .body("clientId", equalTo(alice))
                .body("appointmentType", equalTo("sports-massage-60"))
                .body("locationCode", equalTo("richmond"));

        fhir().auth().oauth2(partner).get("/fhir/r4/Patient/" + alice).then().statusCode(200)
                .body("resourceType", equalTo("Patient"))
                .body("name[0].family", equalTo("Runner"))
                .body("name[0].given[0]", equalTo("Alice"));
    }

    @Test
    void partnerCannotBookForOrSeeAClientWithoutConsent() {
        String bob = clientOf("bob", "Walker", null);
        String slotId = (String) freeSlotInRichmondNextWeek().get("id");
        fhir().auth().oauth2(partner).contentType(FHIR_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(booking(slotId, bob)).post("/fhir/r4/Appointment")
                .then().statusCode(403).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"));
        fhir().auth().oauth2(partner).get("/fhir/r4/Patient/" + bob).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        fhir().auth().oauth2(partner).queryParam("patient", "Patient/" + bob).get("/fhir/r4/Appointment").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void withdrawingConsentHidesTheAppointmentsAndThePatientFromThePartner() {
        String carol = clientOf("alice", "Runner", "grant");
        // booking-service learns of consent changes from client-service's standing feed, within seconds.
        String[] booked = new String[1];
        await("the partner can book for the consenting client", () -> {
            String slotId = (String) freeSlotInRichmondNextWeek().get("id");
            var response = fhir().auth().oauth2(partner).contentType(FHIR_JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(booking(slotId, carol))
                    .post("/fhir/r4/Appointment");
            booked[0] = response.statusCode() == 201 ? response.path("id") : null;
            return booked[0] != null;
        });
        clientOf("alice", "Runner", "withdraw");
        try {
            await("the appointment is hidden from the partner", () -> fhir().auth().oauth2(partner)
                    .get("/fhir/r4/Appointment/" + booked[0]).statusCode() == 404);
            fhir().auth().oauth2(partner).get("/fhir/r4/Patient/" + carol).then().statusCode(404);
        } finally {
            clientOf("alice", "Runner", "grant");
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L);
        }
    }
}
