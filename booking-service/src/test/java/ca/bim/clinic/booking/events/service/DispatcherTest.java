package ca.bim.clinic.booking.events.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import ca.bim.clinic.booking.support.Receiver;
import ca.bim.clinic.booking.webhooks.domain.WebhookSignature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Delivery of outbox events. The scheduler is off in tests: each test runs dispatch passes itself and moves the
 * fixed clock past backoffs, so retries are deterministic.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class DispatcherTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FixedClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DeliveryStore store;

    @Inject
    EntityManager em;

    UUID practitioner;
    String partner;
    Receiver receiver;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void setUp() {
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("rmt"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        partner = Fixtures.partner(Fixtures.unique("partner"));
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void clientServiceGetsEachEventOnceWithTheServiceIdentity() {
        UUID appointment = book(Fixtures.frontDesk(), MONDAY_10);
        String stored = storedPayloads(appointment).get(0);
        Events.dispatchUntilIdle(dispatcher);
        Events.dispatchUntilIdle(dispatcher);
        // The stub accepts events only with booking-service's own token; the body is the stored envelope as is.
        assertThat(ClientServiceStub.events()).containsOnlyOnce(stored);
    }

    @Test
    void aBacklogGoesToClientServiceInBatchesEachEventOnce() {
        ClientServiceStub.reset();
        List<String> stored = bookTwelve();
        Events.dispatchUntilIdle(dispatcher);
        Events.dispatchUntilIdle(dispatcher);
        for (String payload : stored) {
            assertThat(ClientServiceStub.events()).containsOnlyOnce(payload);
        }
        // More events than lanes: some requests carried several events.
        assertThat(ClientServiceStub.batches()).isPositive();
    }

    @Test
    void aRefusedServiceTokenIsRetriedNotDeadLettered() {
        ClientServiceStub.refuseCredentials(true);
        UUID appointment = book(Fixtures.frontDesk(), MONDAY_10);
        String stored = storedPayloads(appointment).get(0);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(ClientServiceStub.events()).doesNotContain(stored);

        ClientServiceStub.refuseCredentials(false);
        Events.advancePastBackoff(clock);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(ClientServiceStub.events()).containsOnlyOnce(stored);
    }

    @Test
    void aClientServiceWithoutBatchesGetsTheEventsOneByOne() {
        ClientServiceStub.reset();
        ClientServiceStub.batchUnsupported(true);
        List<String> stored = bookTwelve();
        Events.dispatchUntilIdle(dispatcher);
        Events.dispatchUntilIdle(dispatcher);
        for (String payload : stored) {
            assertThat(ClientServiceStub.events()).containsOnlyOnce(payload);
        }
        assertThat(ClientServiceStub.batches()).isZero();
    }

    /** Twelve bookings (Mondays and Tuesdays at 10:00 over six weeks), one pending event each; their payloads. */
    private List<String> bookTwelve() {
        Fixtures.schedule(practitioner, RICHMOND, "TUESDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        List<String> stored = new java.util.ArrayList<>();
        java.time.LocalDate monday = java.time.LocalDate.parse("2026-05-04");
        for (int week = 0; week < 6; week++) {
            for (int day = 0; day < 2; day++) {
                String start = monday.plusWeeks(week).plusDays(day) + "T10:00:00-07:00";
                stored.add(storedPayloads(book(Fixtures.frontDesk(), start)).get(0));
            }
        }
        return stored;
    }

    @Test
    void webhookFailingThreeTimesGetsTheSignedEventOnceItRecovers() throws Exception {
        receiver.failFirst(3, 500);
        Map<String, String> hook = Events.register(partner, receiver.url(), List.of("appointment.booked"));
        UUID appointment = book(partner, MONDAY_10);

        Instant booked = clock.instant();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Events.dispatchUntilIdle(dispatcher);
            assertThat(receiver.requests()).hasSize(attempt);
            Events.advancePastBackoff(clock);
        }
        Events.dispatchUntilIdle(dispatcher);
        Events.advancePastBackoff(clock);
        Events.dispatchUntilIdle(dispatcher);

        List<LoggedRequest> requests = receiver.requests();
        assertThat(requests).hasSize(4);
        LoggedRequest delivered = requests.get(3);
        String body = delivered.getBodyAsString();
        JsonNode envelope = JSON.readTree(body);
        assertThat(envelope.path("type").asText()).isEqualTo("appointment.booked");
        assertThat(envelope.path("data").path("appointmentId").asText()).isEqualTo(appointment.toString());
        String msgId = delivered.getHeader("webhook-id");
        assertThat(msgId).isEqualTo(envelope.path("id").asText());
        long timestamp = Long.parseLong(delivered.getHeader("webhook-timestamp"));
        assertThat(delivered.getHeader("webhook-signature")).startsWith("v1,");
        assertThat(WebhookSignature.verify(hook.get("secret"), msgId, timestamp, body,
                delivered.getHeader("webhook-signature"))).isTrue();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), msgId, timestamp, body,
                delivered.getHeader("webhook-signature"))).isFalse();
        // Every attempt carried the same event id, so the receiver can de-duplicate.
        assertThat(requests).extracting(r -> r.getHeader("webhook-id")).containsOnly(envelope.path("id").asText());

        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", hook.get("id")).then()
                .statusCode(200)
                .body("items[0].status", equalTo("delivered"))
                .body("items[0].attempts", equalTo(4))
                .body("items[0].history.statusCode", contains(500, 500, 500, 204))
                .body("items[0].history[0].attemptedAt", equalTo(booked.toString()))
                // exponential backoff from the 5 s base: 5 s, 10 s, 20 s after each failure
                .body("items[0].history[0].nextAttemptAt", equalTo(booked.plusSeconds(5).toString()))
                .body("items[0].history[1].nextAttemptAt",
                        equalTo(booked.plus(Duration.ofHours(1)).plusSeconds(10).toString()))
                .body("items[0].history[2].nextAttemptAt",
                        equalTo(booked.plus(Duration.ofHours(2)).plusSeconds(20).toString()))
                .body("items[0].history[3].nextAttemptAt", equalTo(null));
    }

    @Test
    void partnerSubscriptionGetsItsOwnBookingsOnlyAndAdminSubscriptionAll() {
        Events.register(Fixtures.admin(), receiver.url(), List.of("appointment.booked"));
        try (Receiver partnerReceiver = new Receiver()) {
            Events.register(partner, partnerReceiver.url(), List.of("appointment.booked"));
            UUID byPartner = book(partner, MONDAY_10);
            UUID byFrontDesk = book(Fixtures.frontDesk(), MONDAY_14);
            Events.dispatchUntilIdle(dispatcher);
            assertThat(appointmentIds(partnerReceiver)).containsExactly(byPartner.toString());
            assertThat(appointmentIds(receiver)).contains(byPartner.toString(), byFrontDesk.toString());
        }
    }

    @Test
    void eventsOfOneAppointmentAreDeliveredInOrder() throws Exception {
        receiver.failFirst(1, 503);
        Events.register(partner, receiver.url(), List.of("appointment.booked", "appointment.rescheduled"));
        UUID appointment = book(partner, MONDAY_10);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("start", MONDAY_14))
                .post("/api/v1/appointments/{id}/reschedule", appointment).then().statusCode(200);

        Events.dispatchUntilIdle(dispatcher);
        // booked failed, so rescheduled waits for it rather than overtaking it
        assertThat(types()).containsExactly("appointment.booked");
        Events.advancePastBackoff(clock);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(types()).containsExactly("appointment.booked", "appointment.booked", "appointment.rescheduled");
    }

    @Test
    void subscriptionFailingRepeatedlyIsPausedAndCanBeResumed() {
        receiver.answer(500);
        Map<String, String> hook = Events.register(partner, receiver.url(), List.of("appointment.booked"));
        book(partner, MONDAY_10);
        for (int i = 0; i < 5; i++) { // %test pauses after 5 failures in a row
            Events.dispatchUntilIdle(dispatcher);
            Events.advancePastBackoff(clock);
        }
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}", hook.get("id")).then().statusCode(200)
                .body("status", equalTo("paused")).body("consecutiveFailures", equalTo(5));
        Events.dispatchUntilIdle(dispatcher);
        assertThat(receiver.requests()).hasSize(5);

        receiver.answer(200);
        given().auth().oauth2(partner).post("/api/v1/webhooks/{id}/resume", hook.get("id")).then().statusCode(200)
                .body("status", equalTo("active")).body("consecutiveFailures", equalTo(0));
        Events.dispatchUntilIdle(dispatcher);
        assertThat(receiver.requests()).hasSize(6);
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", hook.get("id")).then()
                .statusCode(200).body("items[0].status", equalTo("delivered"));
    }

    /**
     * A restart between write and delivery: the event committed with its pending deliveries; a dispatcher claimed
     * them and died before sending (the claim is in the database, nothing in memory survives). Another pass
     * leaves the claim alone while it is fresh and delivers once it has expired.
     */
    @Test
    void claimLeftByADeadDispatcherExpiresAndTheEventIsStillDelivered() {
        Events.dispatchUntilIdle(dispatcher); // earlier tests' backlog out of the way
        Map<String, String> hook = Events.register(partner, receiver.url(), List.of("appointment.booked"));
        UUID appointment = book(partner, MONDAY_10);
        List<DeliveryStore.Claimed> claimed = store.claim(clock.instant());
        assertThat(claimed).extracting(DeliveryStore.Claimed::destination).contains(webhookDestination());

        Events.dispatchUntilIdle(dispatcher);
        assertThat(receiver.requests()).isEmpty();

        clock.set(clock.instant().plus(Duration.ofMinutes(6))); // past the 5-minute claim timeout
        Events.dispatchUntilIdle(dispatcher);
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).getBodyAsString()).isEqualTo(storedPayloads(appointment).get(0));

        // Should the old claimer come back and report, its outcome is dropped: the row is no longer its to write.
        DeliveryStore.Claimed stale = claimed.stream().filter(c -> c.destination().equals(webhookDestination()))
                .findFirst().orElseThrow();
        store.failed(stale, clock.instant(), 500, "late report");
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", hook.get("id")).then()
                .statusCode(200).body("items[0].status", equalTo("delivered")).body("items[0].attempts", equalTo(1));
    }

    private String webhookDestination() {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT 'webhook:' || id FROM webhook_subscription WHERE url = :url")
                .setParameter("url", receiver.url()).getSingleResult());
    }

    private static List<String> appointmentIds(Receiver target) {
        return target.requests().stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString()).path("data").path("appointmentId").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> types() {
        return receiver.requests().stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString()).path("type").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> storedPayloads(UUID appointment) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(payload AS text) FROM outbox_event WHERE appointment_id = :a ORDER BY seq", String.class)
                .setParameter("a", appointment).getResultList());
    }

    private UUID book(String token, String start) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", start, "clientId", Events.sharingClient().toString()))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
