package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.AppointmentEvents.deliver;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static ca.bim.clinic.client.rest.Fixtures.subjectOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** booking-service reports reads of a client's appointments (contract 4); the client sees them in their access log. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AppointmentsReadEventTest {

    private static final String READS = "items.findAll { it.resource == 'appointments' }";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String read(UUID eventId, String clientId, String viewerSubject, String role, List<UUID> ids) {
        String appointmentIds = ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + ", " + b).orElse("");
        return """
                {"id": "%s", "type": "client.appointments-read", "occurredAt": "2026-11-30T17:45:12.5Z", "version": 1,
                 "data": {"clientId": "%s", "viewerSubject": "%s", "viewerRole": "%s",
                          "appointmentIds": [%s], "request": "GET /api/v1/appointments"}}
                """.formatted(eventId, clientId, viewerSubject, role, appointmentIds);
    }

    @Test
    void aReadByStaffAppearsInTheClientsAccessLogOnce() {
        Account alice = Fixtures.newClient();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = read(eventId, alice.id(), subjectOf(LAWRENCE), "therapist", List.of(first, second));
        deliver(event).statusCode(204);
        deliver(event).statusCode(204);

        as(alice.token()).queryParam("size", 100).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200)
                .body(READS + ".size()", equalTo(1))
                .body(READS + "[0].action", equalTo("read"))
                .body(READS + "[0].actor", equalTo(subjectOf(LAWRENCE)))
                .body(READS + "[0].actorRole", equalTo("therapist"))
                .body(READS + "[0].outcome", equalTo("allowed"))
                .body(READS + "[0].occurredAt", equalTo("2026-11-30T17:45:12.500Z"))
                .body(READS + "[0].request", equalTo("GET /api/v1/appointments"))
                .body(READS + "[0].appointmentIds", contains(first.toString(), second.toString()))
                .body(READS + "[0].requestId", equalTo(eventId.toString()));
    }

    @Test
    void aPartnersReadIsRecordedToo() {
        Account alice = Fixtures.newClient();
        deliver(read(UUID.randomUUID(), alice.id(), subjectOf("partner-demo"), "partner", List.of(UUID.randomUUID())))
                .statusCode(204);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200).body(READS + ".actorRole", contains("partner"));
    }

    @Test
    void incompleteOrUnknownRoleIsBadRequestAndRecordsNothing() {
        Account alice = Fixtures.newClient();
        String valid = read(UUID.randomUUID(), alice.id(), subjectOf(LAWRENCE), "therapist", List.of(UUID.randomUUID()));
        deliver(valid.replace("\"viewerRole\": \"therapist\"", "\"viewerRole\": \"client\""))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("data.viewerRole"));
        deliver(valid.replace("\"request\": \"GET /api/v1/appointments\"", "\"request\": null"))
                .statusCode(400).body("violations.field", hasItem("data.request"));
        deliver(valid.replaceFirst("\"viewerSubject\": \"[^\"]+\",", ""))
                .statusCode(400).body("violations.field", hasItem("data.viewerSubject"));
        as(alice.token()).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200).body(READS + ".size()", equalTo(0));
    }

    @Test
    void onlyBookingServiceReportsReads() {
        Account alice = Fixtures.newClient();
        String event = read(UUID.randomUUID(), alice.id(), subjectOf(LAWRENCE), "therapist", List.of());
        deliver(Fixtures.partner(), event).statusCode(403);
        deliver(Fixtures.serviceWith("client-standing:read"), event).statusCode(403);
        as(alice.token()).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200).body(READS + ".size()", equalTo(0));
    }
}
