package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessResource;
import ca.bim.clinic.client.domain.EventOutcome;
import ca.bim.clinic.client.domain.ProcessedEvent;
import ca.bim.clinic.client.rest.Fixtures.Account;
import ca.bim.clinic.client.repository.AccessLogRepository;
import ca.bim.clinic.client.repository.CareRelationshipRepository;
import ca.bim.clinic.client.repository.ProcessedEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class BookingEventResourceTest {

    private static final String EVENTS = "/internal/v1/booking-events";

    @Inject
    CareRelationshipRepository careTeam;

    @Inject
    AccessLogRepository accessLog;

    @Inject
    ProcessedEventRepository processed;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An envelope as booking-service sends it, with every field of the contract. */
    private static String event(UUID id, String type, String clientId, String practitionerUsername) {
        String username = practitionerUsername == null ? "null" : "\"" + practitionerUsername + "\"";
        return """
                {"id": "%s", "type": "%s", "occurredAt": "2026-11-21T18:04:05.123Z", "version": 1,
                 "data": {"appointmentId": "%s", "clientId": "%s", "practitionerId": "%s",
                          "practitionerUsername": %s, "locationId": "%s", "locationCode": "richmond",
                          "appointmentTypeCode": "sports-massage-60", "startsAt": "2026-11-24T10:00:00-08:00",
                          "endsAt": "2026-11-24T11:00:00-08:00", "status": "booked"}}
                """.formatted(id, type, UUID.randomUUID(), clientId, UUID.randomUUID(), username, UUID.randomUUID());
    }

    private static String booked(String clientId, String practitionerUsername) {
        return event(UUID.randomUUID(), "appointment.booked", clientId, practitionerUsername);
    }

    private static ValidatableResponse deliver(String body) {
        return deliver(Fixtures.bookingService(), body);
    }

    private static ValidatableResponse deliver(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post(EVENTS).then();
    }

    private long careRows(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> careTeam.count("key.clientId", UUID.fromString(clientId)));
    }

    private long careTeamAdds(String clientId) {
        return QuarkusTransaction.requiringNew().call(() -> accessLog.count(
                "clientId = ?1 and resource = ?2 and action = ?3", UUID.fromString(clientId), AccessResource.careTeam,
                AccessAction.add));
    }

    private ProcessedEvent processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> processed.findById(eventId));
    }

    @Test
    void aBookingPutsThePractitionerInCareSoTheyReadTheIntake() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(IntakeResourceTest.INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(201);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);

        UUID eventId = UUID.randomUUID();
        deliver(event(eventId, "appointment.booked", alice.id(), LAWRENCE)).statusCode(204);

        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(200).body("answers.conditions", contains("asthma"));
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().statusCode(200)
                .body("therapistUsername", contains(LAWRENCE))
                .body("[0].source", equalTo("booking"))
                .body("[0].addedBy", equalTo("booking-service"));
        as(alice.token()).queryParam("size", 100).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200)
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.actor", equalTo("booking-service"))
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.actorRole", equalTo("service"));
        ProcessedEvent row = processed(eventId);
        assertThat(row.type).isEqualTo("appointment.booked");
        assertThat(row.outcome).isEqualTo(EventOutcome.applied);
        assertThat(row.occurredAt).hasToString("2026-11-21T18:04:05.123Z");
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        Account alice = Fixtures.newClient();
        String booked = booked(alice.id(), LAWRENCE);
        deliver(booked).statusCode(204);
        // An admin takes lawrence out: a redelivered event must not put him back.
        as(Fixtures.admin()).delete("/api/v1/clients/{id}/care-team/{t}", alice.id(), LAWRENCE).then().statusCode(204);
        assertThat(careRows(alice.id())).isZero();

        deliver(booked).statusCode(204);
        deliver(booked).statusCode(204);

        assertThat(careRows(alice.id())).isZero();
        assertThat(careTeamAdds(alice.id())).isEqualTo(1);
    }

    @Test
    void aRedeliveryDoesNotDuplicateTheRelationshipNorItsLogEntry() {
        Account alice = Fixtures.newClient();
        String booked = booked(alice.id(), LAWRENCE);
        deliver(booked).statusCode(204);
        deliver(booked).statusCode(204);
        // A second booking with the same practitioner: a new event, still one relationship.
        deliver(booked(alice.id(), LAWRENCE)).statusCode(204);

        assertThat(careRows(alice.id())).isEqualTo(1);
        assertThat(careTeamAdds(alice.id())).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        String booked = event(eventId, "appointment.booked", alice.id(), AUBREY);
        String token = Fixtures.bookingService();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(pool.submit(() -> as(token).contentType(ContentType.JSON).body(booked).post(EVENTS)
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(careRows(alice.id())).isEqualTo(1);
        assertThat(careTeamAdds(alice.id())).isEqualTo(1);
        assertThat(processed.count("id", eventId)).isEqualTo(1);
    }

    @Test
    void aRescheduleAlsoJoinsTheCareTeam() {
        Account alice = Fixtures.newClient();
        String rescheduled = event(UUID.randomUUID(), "appointment.rescheduled", alice.id(), AUBREY)
                .replace("\"status\": \"booked\"", "\"status\": \"booked\", \"previousStartsAt\": "
                        + "\"2026-11-23T10:00:00-08:00\", \"previousEndsAt\": \"2026-11-23T11:00:00-08:00\"");
        deliver(rescheduled).statusCode(204);
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
        assertThat(careRows(alice.id())).isEqualTo(1);
    }

    @Test
    void aCancellationKeepsTheCareRelationship() {
        Account alice = Fixtures.newClient();
        deliver(booked(alice.id(), LAWRENCE)).statusCode(204);
        UUID cancelled = UUID.randomUUID();
        deliver(event(cancelled, "appointment.cancelled", alice.id(), LAWRENCE)
                .replace("\"status\": \"booked\"", "\"status\": \"cancelled\", \"late\": true")).statusCode(204);
        assertThat(careRows(alice.id())).isEqualTo(1);
        assertThat(processed(cancelled).outcome).isEqualTo(EventOutcome.noEffect);
    }

    @Test
    void aPractitionerWithoutALoginJoinsNoCareTeam() {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        deliver(event(eventId, "appointment.booked", alice.id(), null)).statusCode(204);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id()).then().statusCode(200).body("", empty());
        assertThat(processed(eventId).outcome).isEqualTo(EventOutcome.noEffect);
    }

    @Test
    void anUnknownClientIsRecordedAndChangesNothing() {
        UUID eventId = UUID.randomUUID();
        String nobody = UUID.randomUUID().toString();
        deliver(event(eventId, "appointment.booked", nobody, LAWRENCE)).statusCode(204);
        deliver(event(eventId, "appointment.booked", nobody, LAWRENCE)).statusCode(204);
        assertThat(processed(eventId).outcome).isEqualTo(EventOutcome.unknownClient);
        assertThat(careRows(nobody)).isZero();
    }

    @Test
    void unknownTypesAndFieldsAreIgnored() {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        deliver("""
                {"id": "%s", "type": "appointment.teleported", "occurredAt": "2026-11-21T18:04:05Z", "version": 3,
                 "data": {"clientId": "%s", "practitionerUsername": "lawrence", "destination": {"planet": "Mars"}}}
                """.formatted(eventId, alice.id())).statusCode(204);
        assertThat(processed(eventId).outcome).isEqualTo(EventOutcome.unknownType);
        assertThat(careRows(alice.id())).isZero();

        String withNewFields = booked(alice.id(), LAWRENCE)
                .replace("\"version\": 1,", "\"version\": 1, \"traceparent\": \"00-abc-01\", \"source\": {\"x\": 1},")
                .replace("\"status\": \"booked\"", "\"status\": \"booked\", \"room\": 4, \"tags\": [\"new\"]");
        deliver(withNewFields).statusCode(204);
        assertThat(careRows(alice.id())).isEqualTo(1);
    }

    @Test
    void aNewerEnvelopeVersionIsRefusedAndNotRecordedSoItCanBeRedelivered() {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        String v1 = event(eventId, "appointment.booked", alice.id(), LAWRENCE);
        deliver(v1.replace("\"version\": 1", "\"version\": 2"))
                .statusCode(422).contentType(startsWith("application/problem+json"));
        assertThat(processed(eventId)).isNull();
        assertThat(careRows(alice.id())).isZero();

        deliver(v1).statusCode(204);
        assertThat(careRows(alice.id())).isEqualTo(1);
    }

    @Test
    void aMalformedBodyIsBadRequest() {
        Account alice = Fixtures.newClient();
        deliver("{\"id\": ").statusCode(400).contentType(startsWith("application/problem+json"));
        deliver("[]").statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.bookingService()).contentType(ContentType.JSON).post(EVENTS)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        deliver("{\"type\": \"appointment.booked\"}")
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("occurredAt"))
                .body("violations.field", hasItem("version"));
        // A value of the wrong format: quarkus-resteasy-problem names the field in `field`.
        deliver(booked(alice.id(), LAWRENCE).replace(alice.id(), "not-a-uuid"))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("data.clientId"));
        deliver(booked(alice.id(), LAWRENCE).replace("\"clientId\": \"" + alice.id() + "\",", ""))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("data.clientId"));
        deliver(booked(alice.id(), "Not A Username!"))
                .statusCode(400).body("violations.field", hasItem("data.practitionerUsername"));
        deliver("""
                {"id": "%s", "type": "appointment.booked", "occurredAt": "2026-11-21T18:04:05Z", "version": 1}
                """.formatted(UUID.randomUUID()))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.find { it.field == 'data' }.in", equalTo("body"));
        assertThat(careRows(alice.id())).isZero();
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        Account alice = Fixtures.newClient();
        given().contentType(ContentType.JSON).body(booked(alice.id(), LAWRENCE)).post(EVENTS)
                .then().statusCode(401);
        assertThat(careRows(alice.id())).isZero();
    }

    @Test
    void userTokensAreForbiddenWhateverTheirRole() {
        Account alice = Fixtures.newClient();
        for (String token : List.of(Fixtures.therapist(LAWRENCE), Fixtures.admin(), Fixtures.frontDesk(),
                alice.token(), Fixtures.partner(), Fixtures.userTokenViaBookingService())) {
            UUID eventId = UUID.randomUUID();
            deliver(token, event(eventId, "appointment.booked", alice.id(), LAWRENCE))
                    .statusCode(403).contentType(startsWith("application/problem+json"));
            assertThat(processed(eventId)).isNull();
            // Refused before the body is read: a malformed body tells them nothing either.
            deliver(token, "{\"id\": ").statusCode(403);
        }
        assertThat(careRows(alice.id())).isZero();
    }
}
