package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.service.ClientStandingSync;
import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.ClientServiceStub.Standing;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every booking checks the client's standing: from the local view, or for a client the view has not seen yet by asking
 * client-service as booking-service itself.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class BookingClientCheckTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";

    @Inject
    FixedClock clock;

    @Inject
    EntityManager em;

    @Inject
    ClientStandingSync sync;

    UUID practitioner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void practitionerWorkingMondays() {
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("rmt"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
    }

    @Test
    void activeClientIsCheckedWithTheServiceIdentityAndBooked() {
        UUID client = UUID.randomUUID();
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(201);
        // The stub answers a client's status only to booking-service's own client-credentials token.
        assertThat(ClientServiceStub.statusRequestsFor(client)).isEqualTo(1);
    }

    @Test
    void unknownClientIsUnprocessableAndNothingIsWritten() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.UNKNOWN);
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("Unknown client"));
        assertThat(rowsFor(client)).isZero();
    }

    @Test
    void archivedClientIsUnprocessable() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.ARCHIVED);
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(422)
                .body("detail", containsString("archived"));
        assertThat(rowsFor(client)).isZero();
    }

    @Test
    void clientBookingForThemselvesIsCheckedToo() {
        String subject = Fixtures.unique("archived");
        ClientServiceStub.set(ClientServiceStub.clientIdOf(subject), Standing.ARCHIVED);
        given().auth().oauth2(Fixtures.client(subject)).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_10))
                .post("/api/v1/appointments").then().statusCode(422).body("detail", containsString("archived"));
    }

    @Test
    void partnerBookingWithoutDataSharingConsentIsForbidden() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.NO_DATA_SHARING);
        book(Fixtures.partner(Fixtures.unique("partner")), client, MONDAY_10).statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("data sharing"));
        assertThat(rowsFor(client)).isZero();
        // Consent matters for partners only: the front desk books the same client.
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(201);
    }

    @Test
    void partnerBooksAClientWhoConsentedToDataSharing() {
        book(Fixtures.partner(Fixtures.unique("partner")), UUID.randomUUID(), MONDAY_10).statusCode(201);
    }

    @Test
    void clientServiceDownIsServiceUnavailableAndNothingIsWritten() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.DOWN);
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503));
        assertThat(rowsFor(client)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE CAST(payload AS text) LIKE :client")
                .setParameter("client", "%" + client + "%").getSingleResult()).longValue())).isZero();
    }

    @Test
    void rescheduleChecksTheClientToo() {
        UUID client = UUID.randomUUID();
        UUID id = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
        ClientServiceStub.set(client, Standing.ARCHIVED);
        sync.poll(); // the archive reaches the view through the standing feed
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON).body(Map.of("start", MONDAY_14))
                .post("/api/v1/appointments/{id}/reschedule", id)
                .then().statusCode(422).body("detail", containsString("archived"));
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/appointments/{id}", id)
                .then().statusCode(200).body("start", equalTo(MONDAY_10));
    }

    @Test
    void cancellingNeedsNoClientCheck() {
        UUID client = UUID.randomUUID();
        UUID id = Fixtures.book(Fixtures.frontDesk(), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
        ClientServiceStub.set(client, Standing.UNKNOWN);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Client record removed"))
                .post("/api/v1/appointments/{id}/cancel", id).then().statusCode(200);
    }

    @Test
    void aClientSeenInTheFeedIsBookedWhileClientServiceIsDown() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.ACTIVE);
        sync.poll();
        ClientServiceStub.down(true);
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(201);
        assertThat(ClientServiceStub.statusRequestsFor(client)).isZero();
    }

    @Test
    void aClientBookingForThemselvesNeedsNoClientServiceOnceTheFeedNamedTheirAccount() {
        String subject = Fixtures.unique("runner");
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, subject, Standing.ACTIVE);
        sync.poll();
        ClientServiceStub.down(true);
        given().auth().oauth2(Fixtures.client(subject)).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_10))
                .post("/api/v1/appointments").then().statusCode(201).body("clientId", equalTo(client.toString()));
    }

    @Test
    void aClientNotInTheViewWhileClientServiceIsDownIsServiceUnavailable() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.down(true);
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(503));
        assertThat(rowsFor(client)).isZero();
    }

    @Test
    void theFallbackAnswerIsKeptSoTheNextBookingAsksNoMore() {
        UUID client = UUID.randomUUID();
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(201);
        assertThat(standingRows(client)).isEqualTo(1);
        book(Fixtures.frontDesk(), client, MONDAY_14).statusCode(201);
        assertThat(ClientServiceStub.statusRequestsFor(client)).isEqualTo(1);
    }

    @Test
    void anArchiveThatArrivesThroughTheFeedStopsBookings() {
        UUID client = UUID.randomUUID();
        book(Fixtures.frontDesk(), client, MONDAY_10).statusCode(201);
        ClientServiceStub.set(client, Standing.ARCHIVED);
        sync.poll();
        book(Fixtures.frontDesk(), client, MONDAY_14).statusCode(422).body("detail", containsString("archived"));
    }

    @Test
    void aWithdrawalThatArrivesThroughTheFeedStopsPartnerBookings() {
        UUID client = UUID.randomUUID();
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        book(partner, client, MONDAY_10).statusCode(201);
        ClientServiceStub.set(client, Standing.NO_DATA_SHARING);
        sync.poll();
        book(partner, client, MONDAY_14).statusCode(403).body("detail", containsString("data sharing"));
    }

    private ValidatableResponse book(String token, UUID client, String start) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", start, "clientId", client.toString()))
                .post("/api/v1/appointments").then();
    }

    private long standingRows(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM client_standing WHERE client_id = :c")
                .setParameter("c", client).getSingleResult()).longValue());
    }

    private long rowsFor(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM appointment WHERE client_id = :c")
                .setParameter("c", client).getSingleResult()).longValue());
    }
}
