package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.booking.events.service.Dispatcher;
import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** Reads of a client's appointments by anyone but the client reach client-service's access log (contract 4). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class AccessLogTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_12 = "2026-05-04T12:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FixedClock clock;

    @Inject
    EntityManager em;

    @Inject
    Dispatcher dispatcher;

    String username;
    UUID practitioner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void practitionerWorkingMondays() {
        clock.set("2026-05-01T12:00:00Z");
        username = Fixtures.unique("rmt");
        practitioner = Fixtures.practitioner(username);
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
    }

    @Test
    void frontDeskReadingOneAppointmentIsLoggedForItsClient() {
        UUID client = UUID.randomUUID();
        UUID id = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", id).then().statusCode(200);

        List<JsonNode> events = readsOf(client);
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("type").asText()).isEqualTo("client.appointments-read");
        assertThat(event.path("version").asInt()).isEqualTo(1);
        assertThat(event.path("occurredAt").asText()).isEqualTo("2026-05-01T12:00:00Z");
        assertThat(event.path("id").asText()).isNotBlank();
        JsonNode data = event.path("data");
        assertThat(data.path("clientId").asText()).isEqualTo(client.toString());
        assertThat(data.path("viewerSubject").asText()).isEqualTo("sub-fran");
        assertThat(data.path("viewerRole").asText()).isEqualTo("front-desk");
        assertThat(data.path("appointmentIds").get(0).asText()).isEqualTo(id.toString());
        assertThat(data.path("appointmentIds").size()).isEqualTo(1);
        assertThat(data.path("request").asText()).isEqualTo("GET /api/v1/appointments/" + id);
    }

    @Test
    void aListIsLoggedOncePerClientWithThatClientsAppointmentsOnly() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID a = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, first);
        UUID b = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_12, first);
        UUID c = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_14, second);

        given().auth().oauth2(Fixtures.admin()).queryParam("practitioner", practitioner.toString())
                .queryParam("client", first.toString())
                .get("/api/v1/appointments").then().statusCode(200);
        given().auth().oauth2(Fixtures.therapist(username)).get("/api/v1/appointments").then().statusCode(200);

        List<JsonNode> firstReads = readsOf(first);
        assertThat(firstReads).hasSize(2);
        assertThat(firstReads.get(0).path("data").path("viewerRole").asText()).isEqualTo("admin");
        assertThat(ids(firstReads.get(0))).containsExactly(a.toString(), b.toString());
        // The query string may name a client: only method and path are recorded.
        assertThat(firstReads.get(0).path("data").path("request").asText()).isEqualTo("GET /api/v1/appointments");
        assertThat(firstReads.get(1).path("data").path("viewerRole").asText()).isEqualTo("therapist");
        assertThat(firstReads.get(1).path("data").path("viewerSubject").asText()).isEqualTo("sub-" + username);
        assertThat(ids(firstReads.get(1))).containsExactly(a.toString(), b.toString());
        List<JsonNode> secondReads = readsOf(second);
        assertThat(secondReads).hasSize(1);
        assertThat(ids(secondReads.get(0))).containsExactly(c.toString());
    }

    @Test
    void aPartnerReadIsLoggedAsPartner() {
        UUID client = UUID.randomUUID();
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        UUID id = Fixtures.book(partner, practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
        given().auth().oauth2(partner).get("/api/v1/appointments/{id}", id).then().statusCode(200);
        assertThat(readsOf(client)).singleElement()
                .satisfies(e -> assertThat(e.path("data").path("viewerRole").asText()).isEqualTo("partner"));
    }

    @Test
    void theClientReadingTheirOwnAppointmentsIsNotLogged() {
        String subject = Fixtures.unique("alice");
        UUID client = ClientServiceStub.clientIdOf(subject);
        UUID id = Fixtures.book(Fixtures.client(subject), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, null);
        given().auth().oauth2(Fixtures.client(subject)).get("/api/v1/appointments/{id}", id).then().statusCode(200);
        given().auth().oauth2(Fixtures.client(subject)).get("/api/v1/appointments").then().statusCode(200);
        assertThat(readsOf(client)).isEmpty();
    }

    @Test
    void refusedReadsAndEmptyListsAreNotLogged() {
        UUID client = UUID.randomUUID();
        UUID id = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
        given().auth().oauth2(Fixtures.therapist(Fixtures.unique("rmt"))).get("/api/v1/appointments/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.partner(Fixtures.unique("partner"))).get("/api/v1/appointments/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("client", UUID.randomUUID().toString())
                .get("/api/v1/appointments").then().statusCode(200);
        assertThat(readsOf(client)).isEmpty();
    }

    @Test
    void theReadReachesClientServiceButNeverThePartnersFeed() {
        UUID client = UUID.randomUUID();
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        UUID id = Fixtures.book(partner, practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
        given().auth().oauth2(partner).get("/api/v1/appointments/{id}", id).then().statusCode(200);
        String eventId = readsOf(client).get(0).path("id").asText();

        for (int pass = 0; pass < 20 && dispatcher.runOnce() > 0; pass++) {
            // deliver everything due, including other tests' leftovers
        }
        assertThat(ClientServiceStub.events()).anySatisfy(body -> assertThat(body).contains(eventId)
                .contains("client.appointments-read"));
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items.type", not(hasItem("client.appointments-read")));
        long webhookDeliveries = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM event_delivery WHERE event_id = :id AND destination <> 'client-service'")
                .setParameter("id", UUID.fromString(eventId)).getSingleResult()).longValue());
        assertThat(webhookDeliveries).isZero();
    }

    private List<JsonNode> readsOf(UUID client) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(payload AS text) FROM outbox_event WHERE type = 'client.appointments-read'"
                        + " AND CAST(payload AS text) LIKE :client ORDER BY seq", String.class)
                .setParameter("client", "%" + client + "%").getResultList());
        return payloads.stream().map(AccessLogTest::parse).toList();
    }

    private static List<String> ids(JsonNode event) {
        List<String> ids = new java.util.ArrayList<>();
        event.path("data").path("appointmentIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
