package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.AppointmentEvents.EVENTS;
import static ca.bim.clinic.client.rest.AppointmentEvents.deliver;
import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static ca.bim.clinic.client.rest.Fixtures.subjectOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import ca.bim.clinic.client.rest.AppointmentEvents.Appointment;
import ca.bim.clinic.client.rest.Fixtures.Account;
import ca.bim.clinic.client.repository.AccessLogRepository;
import ca.bim.clinic.client.repository.ProcessedEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Care follows appointments: booking events in any order, admin removals, and who may deliver events. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class BookingEventResourceTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);

    @Inject
    AccessLogRepository accessLog;

    @Inject
    ProcessedEventRepository processed;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Instant at(int minutes) {
        return T0.plus(minutes, ChronoUnit.MINUTES);
    }

    private static int notesStatus(String therapist, Account client) {
        return as(Fixtures.therapist(therapist)).get("/api/v1/clients/{id}/notes", client.id()).statusCode();
    }

    private long careTeamLog(String clientId, AccessAction action) {
        return QuarkusTransaction.requiringNew().call(() -> accessLog.count(
                "clientId = ?1 and resource = ?2 and action = ?3", UUID.fromString(clientId), AccessResource.careTeam,
                action));
    }

    private ProcessedEvent processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> processed.findById(eventId));
    }

    @Test
    void aBookingPutsTheTherapistInCareSoTheyReadTheIntake() {
        Account alice = Fixtures.newClient();
        as(alice.token()).contentType(ContentType.JSON).body(IntakeResourceTest.INTAKE)
                .put("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(201);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);

        Appointment appointment = Appointment.of(alice.id(), LAWRENCE);
        UUID eventId = UUID.randomUUID();
        deliver(appointment.event(eventId, "appointment.booked", at(0))).statusCode(204);

        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(200).body("answers.conditions", contains("asthma"));
        assertThat(notesStatus(AUBREY, alice)).isEqualTo(403);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().statusCode(200)
                .body("therapistSubject", contains(subjectOf(LAWRENCE)))
                .body("[0].therapistUsername", equalTo(LAWRENCE))
                .body("[0].source", equalTo("booking"))
                .body("[0].since", equalTo(at(0).toString()))
                .body("[0].addedBy", equalTo("booking-service"));
        as(alice.token()).queryParam("size", 100).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200)
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.actor", equalTo("booking-service"))
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.actorRole", equalTo("service"));
        ProcessedEvent row = processed(eventId);
        assertThat(row.type).isEqualTo("appointment.booked");
        assertThat(row.outcome).isEqualTo(EventOutcome.applied);
        assertThat(row.occurredAt).isEqualTo(at(0));
    }

    @Test
    void bookThenCancelGivesNoAccess() {
        Account alice = Fixtures.newClient();
        Appointment appointment = Appointment.of(alice.id(), LAWRENCE);
        deliver(appointment.event("appointment.booked", at(0))).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);

        deliver(appointment.event("appointment.cancelled", at(1))).statusCode(204);

        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id()).then().body("$", empty());
        assertThat(careTeamLog(alice.id(), AccessAction.add)).isEqualTo(1);
        assertThat(careTeamLog(alice.id(), AccessAction.remove)).isEqualTo(1);
    }

    @Test
    void aLateBookedEventAfterTheCancellationDoesNotResurrectAccess() {
        Account alice = Fixtures.newClient();
        Appointment appointment = Appointment.of(alice.id(), LAWRENCE);
        deliver(appointment.event("appointment.cancelled", at(5))).statusCode(204);
        deliver(appointment.event("appointment.booked", at(0))).statusCode(204);
        deliver(appointment.event("appointment.rescheduled", at(2))).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
        // Even an event dated after the cancellation cannot reopen it: cancelled is final.
        deliver(appointment.event("appointment.rescheduled", at(9))).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerState() {
        Account alice = Fixtures.newClient();
        Appointment appointment = Appointment.of(alice.id(), AUBREY);
        deliver(appointment.event("appointment.booked", at(0))).statusCode(204);
        deliver(appointment.event("appointment.checked-in", at(10))).statusCode(204);
        deliver(appointment.event("appointment.completed", at(70))).statusCode(204);
        // The reschedule of an hour before arrives last; the visit stays completed and in care.
        deliver(appointment.startingAt(appointment.startsAt().plus(1, ChronoUnit.DAYS))
                .event("appointment.rescheduled", at(5))).statusCode(204);
        assertThat(notesStatus(AUBREY, alice)).isEqualTo(200);
    }

    @Test
    void everyVisitStateButCancelledKeepsTheTherapistInCare() {
        for (String type : List.of("appointment.checked-in", "appointment.completed", "appointment.no-show")) {
            Account alice = Fixtures.newClient();
            Appointment appointment = Appointment.of(alice.id(), AUBREY);
            deliver(appointment.event("appointment.booked", at(0))).statusCode(204);
            deliver(appointment.event(type, at(30))).statusCode(204);
            assertThat(notesStatus(AUBREY, alice)).as(type).isEqualTo(200);
        }
    }

    @Test
    void aRescheduleToAnotherTherapistMovesTheCare() {
        Account alice = Fixtures.newClient();
        UUID appointmentId = UUID.randomUUID();
        Appointment withLawrence = new Appointment(appointmentId, alice.id(), LAWRENCE,
                Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        deliver(withLawrence.event("appointment.booked", at(0))).statusCode(204);
        deliver(new Appointment(appointmentId, alice.id(), AUBREY, withLawrence.startsAt())
                .event("appointment.rescheduled", at(3))).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
        assertThat(notesStatus(AUBREY, alice)).isEqualTo(200);
    }

    @Test
    void adminRemovalSurvivesARescheduleAndAReplayedOrLateBookedEvent() {
        Account alice = Fixtures.newClient();
        Appointment appointment = Appointment.of(alice.id(), LAWRENCE);
        Appointment earlier = Appointment.of(alice.id(), LAWRENCE);
        String booked = appointment.event("appointment.booked", at(0));
        deliver(booked).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);

        as(Fixtures.admin()).delete("/api/v1/clients/{id}/care-team/{t}", alice.id(), subjectOf(LAWRENCE))
                .then().statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);

        // The same booking rescheduled after the removal, its booked event redelivered under a new id (a replay),
        // and a booking from before the removal whose event only arrives now: none of them restores care.
        deliver(appointment.startingAt(appointment.startsAt().plus(1, ChronoUnit.DAYS))
                .event("appointment.rescheduled", Instant.now())).statusCode(204);
        deliver(booked).statusCode(204);
        deliver(booked.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"" + UUID.randomUUID() + "\"")).statusCode(204);
        deliver(earlier.event("appointment.booked", at(-30))).statusCode(204);
        deliver(earlier.event("appointment.checked-in", Instant.now())).statusCode(204);

        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/care-team", alice.id()).then().body("$", empty());
    }

    @Test
    void aNewBookingMadeAfterTheRemovalGivesCareAgain() {
        Account alice = Fixtures.newClient();
        deliver(Appointment.of(alice.id(), AUBREY).event("appointment.booked", at(0))).statusCode(204);
        as(Fixtures.admin()).delete("/api/v1/clients/{id}/care-team/{t}", alice.id(), subjectOf(AUBREY))
                .then().statusCode(204);
        assertThat(notesStatus(AUBREY, alice)).isEqualTo(403);

        // Booked a second after the removal was recorded: clearly after it, without waiting for the clock.
        Instant afterRemoval = Instant.now().plusSeconds(1);
        deliver(Appointment.of(alice.id(), AUBREY).event("appointment.booked", afterRemoval)).statusCode(204);

        assertThat(notesStatus(AUBREY, alice)).isEqualTo(200);
    }

    @Test
    void careIsKeyedOnTheSubjectSoARenamedTherapistKeepsIt() {
        Account alice = Fixtures.newClient();
        deliver(Appointment.of(alice.id(), LAWRENCE).event("appointment.booked", at(0))).statusCode(204);

        String renamed = ca.bim.clinic.testing.Tokens.of("lawrence.lam", subjectOf(LAWRENCE), "therapist");
        as(renamed).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
        // Someone else who now holds the old username has a different subject and no care.
        String namesake = ca.bim.clinic.testing.Tokens.of(LAWRENCE, UUID.randomUUID().toString(), "therapist");
        as(namesake).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);

        // The care team shows the newest username booking-service reports, for display only.
        deliver(Appointment.of(alice.id(), "lawrence.lam").event("appointment.booked", at(1))).statusCode(204);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().body("therapistSubject", contains(subjectOf(LAWRENCE)))
                .body("[0].therapistUsername", equalTo("lawrence.lam"));
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        Account alice = Fixtures.newClient();
        String booked = Appointment.of(alice.id(), LAWRENCE).event("appointment.booked", at(0));
        deliver(booked).statusCode(204);
        deliver(booked).statusCode(204);
        deliver(Appointment.of(alice.id(), LAWRENCE).event("appointment.booked", at(1))).statusCode(204);
        assertThat(careTeamLog(alice.id(), AccessAction.add)).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventApplyItOnce() throws Exception {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        String booked = Appointment.of(alice.id(), AUBREY).event(eventId, "appointment.booked", at(0));
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
        assertThat(careTeamLog(alice.id(), AccessAction.add)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.count("id", eventId))).isEqualTo(1);
    }

    @Test
    void aPractitionerWithoutALoginJoinsNoCareTeam() {
        Account alice = Fixtures.newClient();
        String event = Appointment.of(alice.id(), LAWRENCE).eventWithoutSubject("appointment.booked", at(0));
        UUID eventId = UUID.fromString(event.substring(event.indexOf("\"id\": \"") + 7, event.indexOf("\"id\": \"") + 43));
        deliver(event).statusCode(204);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id()).then().statusCode(200).body("", empty());
        assertThat(processed(eventId).outcome).isEqualTo(EventOutcome.noEffect);
    }

    @Test
    void anUnknownClientIsRecordedAndChangesNothing() {
        UUID eventId = UUID.randomUUID();
        Appointment appointment = Appointment.of(UUID.randomUUID().toString(), LAWRENCE);
        deliver(appointment.event(eventId, "appointment.booked", at(0))).statusCode(204);
        deliver(appointment.event(eventId, "appointment.booked", at(0))).statusCode(204);
        assertThat(processed(eventId).outcome).isEqualTo(EventOutcome.unknownClient);
    }

    @Test
    void unknownTypesAndFieldsAreIgnored() {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        deliver("""
                {"id": "%s", "type": "appointment.teleported", "occurredAt": "2026-11-21T18:04:05Z", "version": 3,
                 "data": {"clientId": "%s", "practitionerSubject": "%s", "destination": {"planet": "Mars"}}}
                """.formatted(eventId, alice.id(), subjectOf(LAWRENCE))).statusCode(204);
        assertThat(processed(eventId).outcome).isEqualTo(EventOutcome.unknownType);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);

        String withNewFields = Appointment.of(alice.id(), LAWRENCE).event("appointment.booked", at(0))
                .replace("\"version\": 1,", "\"version\": 1, \"traceparent\": \"00-abc-01\", \"source\": {\"x\": 1},")
                .replace("\"status\": \"booked\"", "\"status\": \"booked\", \"room\": 4, \"tags\": [\"new\"]");
        deliver(withNewFields).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);
    }

    @Test
    void aNewerEnvelopeVersionIsRefusedAndNotRecordedSoItCanBeRedelivered() {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        String v1 = Appointment.of(alice.id(), LAWRENCE).event(eventId, "appointment.booked", at(0));
        deliver(v1.replace("\"version\": 1", "\"version\": 2"))
                .statusCode(422).contentType(startsWith("application/problem+json"));
        assertThat(processed(eventId)).isNull();
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);

        deliver(v1).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);
    }

    @Test
    void aMalformedBodyIsBadRequest() {
        Account alice = Fixtures.newClient();
        Appointment appointment = Appointment.of(alice.id(), LAWRENCE);
        String booked = appointment.event("appointment.booked", at(0));
        deliver("{\"id\": ").statusCode(400).contentType(startsWith("application/problem+json"));
        deliver("[]").statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.bookingService()).contentType(ContentType.JSON).post(EVENTS)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        deliver("{\"type\": \"appointment.booked\"}")
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("id"))
                .body("violations.field", hasItem("occurredAt"))
                .body("violations.field", hasItem("version"));
        // A value of the wrong format: named in `violations`, like every other input error.
        deliver(booked.replace(alice.id(), "not-a-uuid"))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("data.clientId"));
        deliver(booked.replace("\"clientId\": \"" + alice.id() + "\",", ""))
                .statusCode(400).body("violations.field", hasItem("data.clientId"));
        deliver(booked.replaceFirst("\"startsAt\": \"[^\"]+\",", ""))
                .statusCode(400).body("violations.field", hasItem("data.startsAt"));
        deliver(booked.replace(subjectOf(LAWRENCE), "lawrence"))
                .statusCode(400).body("violations.field", hasItem("data.practitionerSubject"));
        deliver(appointment.withUsername("Not A Username!").event("appointment.booked", at(0)))
                .statusCode(400).body("violations.field", hasItem("data.practitionerUsername"));
        deliver("""
                {"id": "%s", "type": "appointment.booked", "occurredAt": "2026-11-21T18:04:05Z", "version": 1}
                """.formatted(UUID.randomUUID()))
                .statusCode(400).contentType(startsWith("application/problem+json"))
                .body("violations.find { it.field == 'data' }.in", equalTo("body"));
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
    }

    @Test
    void aBatchIsConsumedEnvelopeByEnvelopeWithAStatusForEach() {
        Account alice = Fixtures.newClient();
        Account bob = Fixtures.newClient();
        UUID applied = UUID.randomUUID();
        UUID tooNew = UUID.randomUUID();
        String booked = Appointment.of(alice.id(), LAWRENCE).event(applied, "appointment.booked", at(0));
        String newer = Appointment.of(bob.id(), AUBREY).event(tooNew, "appointment.booked", at(0))
                .replace("\"version\": 1", "\"version\": 2");
        String batch = "[" + booked + ", {\"id\": \"" + UUID.randomUUID() + "\", \"type\": 7}, " + newer
                + ", {\"type\": \"appointment.booked\"}]";

        deliverAll(Fixtures.bookingService(), batch).statusCode(200)
                .body("results.status", contains(204, 400, 422, 400))
                .body("results[0].id", equalTo(applied.toString()))
                .body("results[2].detail", startsWith("Event version 2 is not supported"));
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);
        assertThat(processed(applied).outcome).isEqualTo(EventOutcome.applied);
        // A refused envelope is not recorded, so it can come again once it is understood.
        assertThat(processed(tooNew)).isNull();
        assertThat(notesStatus(AUBREY, bob)).isEqualTo(403);

        // Redelivered (at least once): the consumed event is a duplicate and still answers 204.
        deliverAll(Fixtures.bookingService(), "[" + booked + "]").statusCode(200).body("results.status", contains(204));
    }

    @Test
    void aBatchOfAcceptableEventsIsConsumedInOneTransaction() {
        Account alice = Fixtures.newClient();
        Account bob = Fixtures.newClient();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String batch = "[" + Appointment.of(alice.id(), LAWRENCE).event(first, "appointment.booked", at(0)) + ", "
                + Appointment.of(bob.id(), AUBREY).event(second, "appointment.booked", at(0)) + ", "
                + Appointment.of(alice.id(), AUBREY).event(third, "appointment.booked", at(1)) + "]";

        deliverAll(Fixtures.bookingService(), batch).statusCode(200).body("results.status", contains(204, 204, 204));
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);
        assertThat(notesStatus(AUBREY, bob)).isEqualTo(200);
        assertThat(notesStatus(AUBREY, alice)).isEqualTo(200);
        // Rows one transaction wrote carry its id (xmin): one transaction for the three events, not three.
        assertThat(writingTransactions(first, second, third)).isEqualTo(1);
    }

    @Test
    void whenTheBatchTransactionFailsTheEventsAreConsumedOneByOne() {
        Account alice = Fixtures.newClient();
        Account bob = Fixtures.newClient();
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        // A valid envelope whose time PostgreSQL cannot store (after year 294276): the database refuses the batch.
        String batch = "[" + Appointment.of(alice.id(), LAWRENCE).event(before, "appointment.booked", at(0)) + ", "
                + Appointment.of(bob.id(), AUBREY).event(failing, "appointment.booked",
                        Instant.parse("+300000-01-01T00:00:00Z")) + "]";

        deliverAll(Fixtures.bookingService(), batch).statusCode(200).body("results.status", contains(204, 503));
        // The envelope before the failing one was consumed again on its own, in a transaction of its own.
        assertThat(processed(before).outcome).isEqualTo(EventOutcome.applied);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);
        assertThat(processed(failing)).isNull();
        assertThat(notesStatus(AUBREY, bob)).isEqualTo(403);
    }

    private long writingTransactions(UUID... eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) processed.getEntityManager()
                .createNativeQuery("select count(distinct xmin::text) from processed_event where id in (:ids)")
                .setParameter("ids", List.of(eventIds)).getSingleResult()).longValue());
    }

    @Test
    void aBatchIsRefusedWholeWhenItIsNotAListOfAtMostAHundred() {
        deliverAll(Fixtures.bookingService(), "[]").statusCode(400).contentType(startsWith("application/problem+json"));
        deliverAll(Fixtures.bookingService(), "{\"id\": 1}").statusCode(400);
        String many = "[" + String.join(",", java.util.Collections.nCopies(101, "{}")) + "]";
        deliverAll(Fixtures.bookingService(), many).statusCode(400);
    }

    @Test
    void onlyTheBookingEventsWriteRoleMayDeliverABatch() {
        Account alice = Fixtures.newClient();
        UUID eventId = UUID.randomUUID();
        String batch = "[" + Appointment.of(alice.id(), LAWRENCE).event(eventId, "appointment.booked", at(0)) + "]";
        given().contentType(ContentType.JSON).body(batch).post(EVENTS + "/batch").then().statusCode(401);
        for (String token : List.of(Fixtures.therapist(LAWRENCE), Fixtures.admin(), Fixtures.frontDesk(),
                alice.token(), Fixtures.partner(), Fixtures.userTokenViaBookingService(),
                Fixtures.serviceWith("client-standing:read"))) {
            deliverAll(token, batch).statusCode(403).contentType(startsWith("application/problem+json"));
        }
        assertThat(processed(eventId)).isNull();
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
    }

    private static io.restassured.response.ValidatableResponse deliverAll(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post(EVENTS + "/batch").then();
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        Account alice = Fixtures.newClient();
        given().contentType(ContentType.JSON).body(Appointment.of(alice.id(), LAWRENCE)
                .event("appointment.booked", at(0))).post(EVENTS).then().statusCode(401);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
    }

    @Test
    void onlyTheBookingEventsWriteRoleMayDeliver() {
        Account alice = Fixtures.newClient();
        for (String token : List.of(Fixtures.therapist(LAWRENCE), Fixtures.admin(), Fixtures.frontDesk(),
                alice.token(), Fixtures.partner(), Fixtures.userTokenViaBookingService(), Fixtures.serviceWith(),
                Fixtures.serviceWith("client-standing:read"))) {
            UUID eventId = UUID.randomUUID();
            deliver(token, Appointment.of(alice.id(), LAWRENCE).event(eventId, "appointment.booked", at(0)))
                    .statusCode(403).contentType(startsWith("application/problem+json"));
            assertThat(processed(eventId)).isNull();
            // Refused before the body is read: a malformed body tells them nothing either.
            deliver(token, "{\"id\": ").statusCode(403);
        }
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(403);
        // The role alone is enough, whatever else the token says.
        deliver(Fixtures.serviceWith("booking-events:write"),
                Appointment.of(alice.id(), LAWRENCE).event("appointment.booked", at(0))).statusCode(204);
        assertThat(notesStatus(LAWRENCE, alice)).isEqualTo(200);
    }
}
