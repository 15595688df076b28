package ca.bim.clinic.booking.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Pruning of ended holds (after 7 days) and of waitlist entries that stopped waiting (after 30 days). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class HoldRetentionTest {

    /** Two hours apart: a 60-minute massage and its buffer never touch the next one. */
    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_12 = "2026-05-04T12:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";
    private static final String MONDAY_16 = "2026-05-04T16:00:00-07:00";
    /** Far enough ahead that it is still upcoming when the holds of the test are past their retention. */
    private static final String LATER_MONDAY_1730 = "2026-05-18T17:30:00-07:00";

    @Inject
    FixedClock clock;

    @Inject
    HoldRetention retention;

    @Inject
    EntityManager em;

    UUID practitioner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void setUp() {
        ClientServiceStub.reset();
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("retain"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "19:00", "2026-05-01", "2026-06-30");
    }

    @Test
    void releasedAndExpiredHoldsGoAfterSevenDaysWithTheirKeysAndABookedHoldStays() {
        UUID client = UUID.randomUUID();
        String released = hold(MONDAY_10, client, null);
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/holds/{id}", released).then().statusCode(204);
        String expired = hold(MONDAY_12, client, null); // never swept: still HELD, past its expiry
        String keyed = hold(MONDAY_14, client, "key-" + UUID.randomUUID());
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/holds/{id}", keyed).then().statusCode(204);
        String booked = hold(MONDAY_16, client, null);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_16, "clientId", client.toString(), "holdId", booked))
                .post("/api/v1/appointments").then().statusCode(201);

        clock.set(clock.instant().plus(Duration.ofDays(6)));
        retention.pruneOnce();
        assertThat(rows(released, expired, keyed, booked)).isEqualTo(4);

        clock.set(clock.instant().plus(Duration.ofDays(2)));
        HoldRetention.Pruned pruned = retention.pruneOnce();
        assertThat(pruned.holds()).isGreaterThanOrEqualTo(3);
        assertThat(rows(released, expired, keyed)).isZero();
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE appointment_id = CAST(:id AS uuid)", keyed))
                .isZero();
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/holds/{id}", released).then().statusCode(404);
        // The hold that was booked is the appointment: it is never pruned.
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", booked).then().statusCode(200);
    }

    @Test
    void anOfferedHoldStaysWhileItsEventDoesAndWhileItsWaitingEntryCouldBeOfferedThatTimeAgain() {
        String entry = join(UUID.randomUUID());
        String freed = hold(LATER_MONDAY_1730, UUID.randomUUID(), null);
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/holds/{id}", freed).then().statusCode(204);
        String offer = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT CAST(hold_id AS text) FROM waitlist_offer WHERE entry_id = CAST(:e AS uuid)")
                .setParameter("e", entry).getSingleResult());

        clock.set(clock.instant().plus(Duration.ofDays(8)));
        retention.pruneOnce();
        assertThat(rows(freed)).isZero();
        assertThat(rows(offer)).isEqualTo(1); // its waitlist.offered event still names it

        // Once event retention has removed the event, the offer still keeps the waiting entry from being offered
        // the same (upcoming) time again.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM event_delivery WHERE appointment_id = CAST(:id AS uuid)")
                    .setParameter("id", offer).executeUpdate();
            em.createNativeQuery("DELETE FROM outbox_event WHERE appointment_id = CAST(:id AS uuid)")
                    .setParameter("id", offer).executeUpdate();
        });
        retention.pruneOnce();
        assertThat(rows(offer)).isEqualTo(1);

        clock.set("2026-05-19T12:00:00Z");
        retention.pruneOnce();
        assertThat(rows(offer)).isZero();
        assertThat(count("SELECT count(*) FROM waitlist_offer WHERE hold_id = CAST(:id AS uuid)", offer)).isZero();
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/waitlist/{id}", entry).then().statusCode(200);
    }

    @Test
    void waitlistEntriesThatStoppedWaitingGoAfterThirtyDaysAndWaitingOnesStay() {
        String removed = join(UUID.randomUUID(), "key-" + UUID.randomUUID());
        given().auth().oauth2(Fixtures.frontDesk()).delete("/api/v1/waitlist/{id}", removed).then().statusCode(204);
        String waiting = join(UUID.randomUUID());

        clock.set(clock.instant().plus(Duration.ofDays(29)));
        retention.pruneOnce();
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/waitlist/{id}", removed).then().statusCode(200);

        clock.set(clock.instant().plus(Duration.ofDays(2)));
        assertThat(retention.pruneOnce().waitlistEntries()).isPositive();
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/waitlist/{id}", removed).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM idempotency_record WHERE waitlist_entry_id = CAST(:id AS uuid)",
                removed)).isZero();
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/waitlist/{id}", waiting).then().statusCode(200);
    }

    private String hold(String start, UUID client, String idempotencyKey) {
        var request = given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", start, "clientId", client.toString()));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/holds").then().statusCode(201).extract().path("id");
    }

    /** Monday evenings with this test's practitioner until the end of June. */
    private String join(UUID client, String... idempotencyKey) {
        var body = new HashMap<String, Object>(Map.of("appointmentType", "sports-massage-60", "practitionerId",
                practitioner.toString(), "fromDate", "2026-05-01", "toDate", "2026-06-30", "fromTime", "17:00:00",
                "toTime", "20:00:00", "weekdays", List.of("MONDAY"), "clientId", client.toString()));
        var request = given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON).body(body);
        for (String key : idempotencyKey) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/waitlist").then().statusCode(201).extract().path("id");
    }

    private long rows(String... ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM appointment WHERE CAST(id AS text) IN (:ids)")
                .setParameter("ids", List.of(ids)).getSingleResult()).longValue());
    }

    private long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }
}
