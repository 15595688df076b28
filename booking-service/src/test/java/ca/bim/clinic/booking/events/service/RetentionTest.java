package ca.bim.clinic.booking.events.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Pruning of settled deliveries, old events and Idempotency-Key records, and the feed's 410 past retention. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class RetentionTest {

    @Inject
    FixedClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    UUID practitioner;
    String partner;

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
    }

    @Test
    void deliveredDeliveriesAndTheirEventsArePrunedAfterThirtyDaysAndAnOlderCursorIsGone() {
        // Earlier tests' admin subscriptions (all appointments, receivers long gone) would keep a pending delivery
        // of this event, and an event with a pending delivery is rightly kept.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM webhook_subscription")
                .executeUpdate());
        String start = given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body("items", hasSize(0)).extract().path("next");
        UUID appointment = book("2026-05-04T10:00:00-07:00", null);
        Events.dispatchUntilIdle(dispatcher);
        assertThat(count("SELECT count(*) FROM event_delivery WHERE appointment_id = :a AND status = 'DELIVERED'",
                appointment)).isEqualTo(1);

        clock.set(clock.instant().plus(Duration.ofDays(29)));
        retention.pruneOnce();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE appointment_id = :a", appointment)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM event_delivery WHERE appointment_id = :a", appointment)).isEqualTo(1);

        clock.set(clock.instant().plus(Duration.ofDays(2)));
        Retention.Pruned pruned = retention.pruneOnce();
        assertThat(pruned.deliveries()).isPositive();
        assertThat(pruned.events()).isPositive();
        assertThat(count("SELECT count(*) FROM event_delivery WHERE appointment_id = :a", appointment)).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE appointment_id = :a", appointment)).isZero();
        given().auth().oauth2(partner).queryParam("after", start).get("/api/v1/events").then().statusCode(410)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(410));
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void eventWithAnUndeliveredDeliveryIsKept() {
        UUID appointment = book("2026-05-04T11:00:00-07:00", null);
        // never dispatched: client-service has not had it yet
        clock.set(clock.instant().plus(Duration.ofDays(40)));
        retention.pruneOnce();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE appointment_id = :a", appointment)).isEqualTo(1);
        Events.dispatchUntilIdle(dispatcher);
    }

    @Test
    void idempotencyKeysArePrunedAfterADay() {
        UUID appointment = book("2026-05-04T12:00:00-07:00", "key-" + UUID.randomUUID());
        clock.set(clock.instant().plus(Duration.ofHours(23)));
        retention.pruneOnce();
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE appointment_id = :a", appointment))
                .isEqualTo(1);
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        retention.pruneOnce();
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE appointment_id = :a", appointment)).isZero();
        Events.dispatchUntilIdle(dispatcher);
    }

    private long count(String sql, UUID appointment) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("a", appointment).getSingleResult()).longValue());
    }

    private UUID book(String start, String idempotencyKey) {
        var request = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", start, "clientId", Events.sharingClient().toString()));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return UUID.fromString(request.post("/api/v1/appointments").then().statusCode(201).extract().path("id"));
    }
}
