package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
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

/** A partner sees a client's appointments only while the client's data-sharing consent is in force. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class PartnerConsentTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";

    @Inject
    FixedClock clock;

    @Inject
    ClientStandingSync sync;

    @Inject
    EntityManager em;

    UUID practitioner;
    String partner;
    UUID client;
    UUID appointment;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void partnerBookedAConsentingClient() {
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("rmt"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        partner = Fixtures.partner(Fixtures.unique("partner"));
        client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.ACTIVE);
        sync.poll();
        appointment = Fixtures.book(partner, practitioner, "sports-massage-60", RICHMOND, MONDAY_10, client);
    }

    @Test
    void whileConsentHoldsThePartnerReadsAndListsTheAppointment() {
        given().auth().oauth2(partner).get("/api/v1/appointments/{id}", appointment)
                .then().statusCode(200).body("id", equalTo(appointment.toString()));
        given().auth().oauth2(partner).get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", contains(appointment.toString()));
    }

    @Test
    void afterWithdrawalTheAppointmentIsNotFoundForThePartner() {
        withdraw();
        given().auth().oauth2(partner).get("/api/v1/appointments/{id}", appointment)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void afterWithdrawalTheAppointmentVanishesFromThePartnersList() {
        withdraw();
        given().auth().oauth2(partner).get("/api/v1/appointments")
                .then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
        given().auth().oauth2(partner).queryParam("client", client.toString()).get("/api/v1/appointments")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void afterWithdrawalThePartnerCanNeitherMoveNorCancelIt() {
        withdraw();
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("start", MONDAY_14))
                .post("/api/v1/appointments/{id}/reschedule", appointment).then().statusCode(404);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("reason", "Changed plans"))
                .post("/api/v1/appointments/{id}/cancel", appointment).then().statusCode(404);
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/appointments/{id}", appointment)
                .then().statusCode(200).body("status", equalTo("booked")).body("start", equalTo(MONDAY_10));
    }

    @Test
    void withdrawalDoesNotHideTheAppointmentFromTheClinic() {
        withdraw();
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", appointment)
                .then().statusCode(200);
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("client", client.toString())
                .get("/api/v1/appointments").then().statusCode(200).body("items.id", contains(appointment.toString()));
    }

    @Test
    void consentGrantedAgainShowsTheAppointmentAgain() {
        withdraw();
        ClientServiceStub.set(client, Standing.ACTIVE);
        sync.poll();
        given().auth().oauth2(partner).get("/api/v1/appointments/{id}", appointment).then().statusCode(200);
    }

    @Test
    void aClientMissingFromTheViewIsNotVisibleToPartners() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM client_standing WHERE client_id = :c").setParameter("c", client).executeUpdate());
        given().auth().oauth2(partner).get("/api/v1/appointments/{id}", appointment).then().statusCode(404);
        given().auth().oauth2(partner).get("/api/v1/appointments").then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherPartnerNeverSeesIt() {
        String other = Fixtures.partner(Fixtures.unique("partner"));
        given().auth().oauth2(other).get("/api/v1/appointments/{id}", appointment).then().statusCode(404);
        given().auth().oauth2(other).get("/api/v1/appointments").then().statusCode(200).body("items", empty());
    }

    private void withdraw() {
        ClientServiceStub.set(client, Standing.NO_DATA_SHARING);
        sync.poll();
    }
}
