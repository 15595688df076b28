package ca.bim.clinic.booking.events.service;

import static ca.bim.clinic.booking.support.Events.waitUntil;
import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
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
import io.restassured.path.json.JsonPath;

/**
 * Isolation of destinations, the attempt deadline, dead letters and their replay, consent at delivery time, the
 * internal access-log event and secret rotation. %test sets the attempt deadline to 3 s.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class DeliveryRulesTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FixedClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Outbox outbox;

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
        Events.dispatchUntilIdle(dispatcher); // earlier tests' backlog out of the way
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void tricklingReceiverIsCutOffAtTheDeadlineWhileAnotherDestinationGetsItsEvent() {
        try (Receiver quick = new Receiver()) {
            receiver.trickle(20_000);
            Map<String, String> slow = Events.register(partner, receiver.url(), List.of("appointment.booked"));
            Events.register(partner, quick.url(), List.of("appointment.booked"));
            book(partner, MONDAY_10, Events.sharingClient());

            long started = System.nanoTime();
            dispatcher.pump(); // hands off to the workers and returns, as the background dispatcher does
            waitUntil(() -> quick.requests().size() == 1, Duration.ofSeconds(10));
            // the other receiver got its event while the trickling one was still being read
            assertThat(attempts(slow.get("id"))).isZero();

            waitUntil(() -> attempts(slow.get("id")) == 1, Duration.ofSeconds(15));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(3)).isLessThan(Duration.ofSeconds(12));
            given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", slow.get("id")).then()
                    .statusCode(200)
                    .body("items[0].status", equalTo("pending"))
                    .body("items[0].lastError", containsString("deadline"))
                    .body("items[0].history[0].statusCode", equalTo(null));
        }
    }

    @Test
    void refusedDeliveryIsDeadWithTheAnswerDoesNotHoldUpLaterEventsAndReplays() {
        receiver.answer(422, "{\"error\":\"unknown field practitionerId\"}");
        Map<String, String> hook = Events.register(partner, receiver.url(),
                List.of("appointment.booked", "appointment.rescheduled"));
        UUID appointment = book(partner, MONDAY_10, Events.sharingClient());
        Events.dispatchUntilIdle(dispatcher);

        String deliveryId = given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", hook.get("id"))
                .then().statusCode(200)
                .body("items[0].status", equalTo("dead"))
                .body("items[0].lastStatusCode", equalTo(422))
                .body("items[0].lastResponse", containsString("unknown field practitionerId"))
                .body("items[0].nextAttemptAt", equalTo(null))
                .extract().path("items[0].id");
        Events.advancePastBackoff(clock);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(receiver.requests()).hasSize(1); // a dead letter is not retried on its own

        receiver.answer(204);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("start", MONDAY_14))
                .post("/api/v1/appointments/{id}/reschedule", appointment).then().statusCode(200);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(types(receiver)).containsExactly("appointment.booked", "appointment.rescheduled");

        String other = Fixtures.partner(Fixtures.unique("partner"));
        given().auth().oauth2(other).post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook.get("id"), deliveryId)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(partner).post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook.get("id"), deliveryId)
                .then().statusCode(200).body("status", equalTo("pending"));
        Events.dispatchUntilIdle(dispatcher);
        assertThat(types(receiver)).containsExactly("appointment.booked", "appointment.rescheduled",
                "appointment.booked");
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", hook.get("id")).then()
                .statusCode(200).body("items.status", contains("delivered", "delivered"));
        given().auth().oauth2(partner).post("/api/v1/webhooks/{id}/deliveries/{d}/retry", hook.get("id"), deliveryId)
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    void eventRefusedByClientServiceIsADeadLetterAnAdminCanReplay() {
        UUID client = Events.sharingClient();
        ClientServiceStub.refuseEventsMentioning(client.toString());
        try {
            UUID appointment = book(Fixtures.frontDesk(), MONDAY_10, client);
            Events.dispatchUntilIdle(dispatcher);
            JsonPath dead = given().auth().oauth2(Fixtures.admin()).queryParam("size", 100)
                    .get("/api/v1/events/deliveries").then().statusCode(200)
                    .body("items.appointmentId", hasItem(appointment.toString()))
                    .extract().jsonPath();
            String deliveryId = dead.getString("items.find { it.appointmentId == '" + appointment + "' }.id");
            assertThat(dead.getInt("items.find { it.appointmentId == '" + appointment + "' }.lastStatusCode"))
                    .isEqualTo(422);
            given().auth().oauth2(partner).get("/api/v1/events/deliveries").then().statusCode(403);
            given().get("/api/v1/events/deliveries").then().statusCode(401);

            ClientServiceStub.acceptEvents(client.toString());
            given().auth().oauth2(Fixtures.admin()).post("/api/v1/events/deliveries/{id}/retry", deliveryId).then()
                    .statusCode(200).body("status", equalTo("pending"));
            Events.dispatchUntilIdle(dispatcher);
            assertThat(ClientServiceStub.events()).anyMatch(e -> e.contains(appointment.toString()));
            given().auth().oauth2(Fixtures.admin()).queryParam("status", "delivered").queryParam("size", 100)
                    .get("/api/v1/events/deliveries").then().statusCode(200)
                    .body("items.id", hasItem(deliveryId));
        } finally {
            ClientServiceStub.acceptEvents(client.toString());
        }
    }

    @Test
    void afterWithdrawalThePartnersWebhookGetsNothingMoreAboutTheClient() {
        UUID client = Events.sharingClient();
        Map<String, String> hook = Events.register(partner, receiver.url(),
                List.of("appointment.booked", "appointment.cancelled"));
        UUID first = book(partner, MONDAY_10, client);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(receiver.requests()).hasSize(1);

        UUID second = book(partner, MONDAY_14, client); // pending when the client withdraws
        Events.standing(client, false);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(Map.of("reason", "Moved away"))
                .post("/api/v1/appointments/{id}/cancel", first).then().statusCode(200);
        Events.dispatchUntilIdle(dispatcher);

        assertThat(receiver.requests()).hasSize(1);
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}/deliveries", hook.get("id")).then()
                .statusCode(200)
                .body("items.status", contains("suppressed", "suppressed", "delivered"))
                .body("items.appointmentId", contains(first.toString(), second.toString(), first.toString()));
        // client-service still hears of every change
        assertThat(ClientServiceStub.events()).anyMatch(e -> e.contains(second.toString()));
    }

    @Test
    void accessLogEventGoesToClientServiceOnly() throws Exception {
        UUID client = Events.sharingClient();
        UUID appointment = book(partner, MONDAY_10, client);
        UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.appointmentsRead(client, "sub-fran",
                "front-desk", List.of(appointment), "GET /api/v1/appointments"));
        Events.dispatchUntilIdle(dispatcher);

        String sent = ClientServiceStub.events().stream().filter(e -> e.contains(id.toString())).findFirst()
                .orElseThrow();
        JsonNode envelope = JSON.readTree(sent);
        assertThat(envelope.path("type").asText()).isEqualTo("client.appointments-read");
        assertThat(envelope.path("version").asInt()).isEqualTo(1);
        assertThat(envelope.path("occurredAt").asText()).isEqualTo("2026-05-01T12:00:00Z");
        assertThat(envelope.path("data").path("clientId").asText()).isEqualTo(client.toString());
        assertThat(envelope.path("data").path("viewerSubject").asText()).isEqualTo("sub-fran");
        assertThat(envelope.path("data").path("viewerRole").asText()).isEqualTo("front-desk");
        assertThat(envelope.path("data").path("appointmentIds").get(0).asText()).isEqualTo(appointment.toString());
        assertThat(envelope.path("data").path("request").asText()).isEqualTo("GET /api/v1/appointments");
        assertThat(destinationsOf(id)).containsExactly("client-service");
    }

    @Test
    void rotatedSecretKeepsSigningBesideTheNewOneForADay() {
        Map<String, String> hook = Events.register(partner, receiver.url(), List.of("appointment.booked"));
        String old = hook.get("secret");
        String fresh = given().auth().oauth2(partner).post("/api/v1/webhooks/{id}/rotate-secret", hook.get("id"))
                .then().statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");
        assertThat(fresh).isNotEqualTo(old);
        given().auth().oauth2(Fixtures.partner(Fixtures.unique("partner")))
                .post("/api/v1/webhooks/{id}/rotate-secret", hook.get("id")).then().statusCode(404);

        book(partner, MONDAY_10, Events.sharingClient());
        Events.dispatchUntilIdle(dispatcher);
        LoggedRequest during = receiver.requests().get(0);
        assertThat(during.getHeader("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(fresh, during)).isTrue();
        assertThat(verifies(old, during)).isTrue();

        clock.set(clock.instant().plus(Duration.ofHours(25)));
        book(partner, MONDAY_14, Events.sharingClient());
        Events.dispatchUntilIdle(dispatcher);
        LoggedRequest after = receiver.requests().get(1);
        assertThat(after.getHeader("webhook-signature").split(" ")).hasSize(1);
        assertThat(verifies(fresh, after)).isTrue();
        assertThat(verifies(old, after)).isFalse();
    }

    private static boolean verifies(String secret, LoggedRequest request) {
        return WebhookSignature.verify(secret, request.getHeader("webhook-id"),
                Long.parseLong(request.getHeader("webhook-timestamp")), request.getBodyAsString(),
                request.getHeader("webhook-signature"));
    }

    private int attempts(String subscriptionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT coalesce(max(attempts), 0) FROM event_delivery WHERE subscription_id = :id")
                .setParameter("id", UUID.fromString(subscriptionId)).getSingleResult()).intValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> destinationsOf(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT destination FROM event_delivery WHERE event_id = :id", String.class)
                .setParameter("id", eventId).getResultList());
    }

    private static List<String> types(Receiver target) {
        return target.requests().stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString()).path("type").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private UUID book(String token, String start, UUID client) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", start, "clientId", client.toString()))
                .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
