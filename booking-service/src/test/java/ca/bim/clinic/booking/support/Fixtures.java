package ca.bim.clinic.booking.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import ca.bim.clinic.testing.Tokens;
import io.restassured.http.ContentType;

/** Test data made through the admin API, one fresh practitioner per test so tests never share bookings. */
public final class Fixtures {

    public static final String RICHMOND = "richmond";
    public static final String VANCOUVER = "vancouver";

    private Fixtures() {
    }

    public static String admin() {
        return Tokens.of("andrea", "sub-andrea", "admin");
    }

    public static String frontDesk() {
        return Tokens.of("fran", "sub-fran", "front-desk");
    }

    public static String client(String subject) {
        return Tokens.of("alice", subject, "client");
    }

    public static String therapist(String username) {
        return Tokens.of(username, "sub-" + username, "therapist");
    }

    public static String partner(String subject) {
        return Tokens.of("service-account-partner-demo", subject, "partner");
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new massage therapist linked to {@code username}. */
    public static UUID practitioner(String username) {
        return practitioner(username, "massage-therapy");
    }

    public static UUID practitioner(String username, String discipline) {
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", username, "name", "Test " + username, "discipline", discipline,
                        "credentials", "RMT", "bio", "Test practitioner"))
                .post("/api/v1/practitioners")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Weekly hours in local time, effective for the given (inclusive) dates. */
    public static UUID schedule(UUID practitioner, String location, String dayOfWeek, String start, String end,
            String effectiveFrom, String effectiveTo) {
        var body = new java.util.HashMap<String, Object>(Map.of("locationCode", location, "dayOfWeek", dayOfWeek,
                "startTime", start, "endTime", end, "effectiveFrom", effectiveFrom));
        if (effectiveTo != null) {
            body.put("effectiveTo", effectiveTo);
        }
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/practitioners/{id}/schedules", practitioner)
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Books as front desk for a random client; returns the appointment id. */
    public static UUID book(UUID practitioner, String type, String location, String start) {
        return book(frontDesk(), practitioner, type, location, start, UUID.randomUUID());
    }

    public static UUID book(String token, UUID practitioner, String type, String location, String start,
            UUID clientId) {
        var body = new java.util.HashMap<String, Object>(Map.of("appointmentType", type, "practitionerId",
                practitioner.toString(), "locationCode", location, "start", start));
        if (clientId != null) {
            body.put("clientId", clientId.toString());
        }
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
