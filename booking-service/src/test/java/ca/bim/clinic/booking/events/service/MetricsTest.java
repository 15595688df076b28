package ca.bim.clinic.booking.events.service;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.ClientServiceStub.Standing;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.Fixtures;
import ca.bim.clinic.booking.support.Receiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class MetricsTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";

    @Inject
    FixedClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DeadLetterMetrics deadLetters;

    @Test
    void bookingsAreCountedByOutcome() {
        UUID practitioner = mondayPractitioner();
        double booked = counter("booked");
        double conflict = counter("conflict");
        double rejected = counter("rejected");
        book(practitioner, UUID.randomUUID(), 201);
        book(practitioner, UUID.randomUUID(), 409);
        UUID archived = UUID.randomUUID();
        ClientServiceStub.set(archived, Standing.ARCHIVED);
        book(practitioner, archived, 422);
        assertThat(counter("booked")).isEqualTo(booked + 1);
        assertThat(counter("conflict")).isEqualTo(conflict + 1);
        assertThat(counter("rejected")).isEqualTo(rejected + 1);
    }

    @Test
    void outboxLagIsTheAgeOfTheOldestUndeliveredEvent() {
        UUID practitioner = mondayPractitioner();
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        try (Receiver receiver = new Receiver()) {
            receiver.answer(503);
            ca.bim.clinic.booking.support.Events.register(partner, receiver.url(),
                    java.util.List.of("appointment.booked"));
            book(partner, practitioner, UUID.randomUUID(), 201);
            clock.set(clock.instant().plus(Duration.ofMinutes(10)));
            dispatcher.runOnce();
            // The failed webhook delivery is still pending, so the oldest undelivered event is at least 10 min old.
            assertThat(gauge("booking_outbox_lag_seconds")).isGreaterThanOrEqualTo(600.0);
        }
    }

    @Test
    void deadLettersAreCountedByDestination() {
        UUID practitioner = mondayPractitioner();
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        try (Receiver receiver = new Receiver()) {
            receiver.answer(422, "{\"error\":\"unknown field\"}");
            Events.register(partner, receiver.url(), java.util.List.of("appointment.booked"));
            deadLetters.refresh();
            double webhooks = deadLetters("webhook");
            double toClientService = deadLetters("client-service");
            book(partner, practitioner, Events.sharingClient(), 201);
            Events.dispatchUntilIdle(dispatcher);
            deadLetters.refresh();
            assertThat(deadLetters("webhook")).isEqualTo(webhooks + 1);
            assertThat(deadLetters("client-service")).isEqualTo(toClientService);
        }
    }

    /** Lets "now" be 2026-05-01 and a new practitioner work Mondays in Richmond. */
    private UUID mondayPractitioner() {
        clock.set("2026-05-01T12:00:00Z");
        UUID practitioner = Fixtures.practitioner(Fixtures.unique("rmt"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        return practitioner;
    }

    private static void book(UUID practitioner, UUID client, int status) {
        book(Fixtures.frontDesk(), practitioner, client, status);
    }

    private static void book(String token, UUID practitioner, UUID client, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_10, "clientId", client.toString()))
                .post("/api/v1/appointments").then().statusCode(status);
    }

    private static double counter(String outcome) {
        return value("booking_requests_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*\\}");
    }

    private static double deadLetters(String destination) {
        return value("booking_outbox_dead_letters\\{[^}]*destination=\"" + destination + "\"[^}]*\\}");
    }

    private static double gauge(String name) {
        return value(name + "(\\{[^}]*\\})?");
    }

    private static double value(String series) {
        // Metrics live on the management interface (its root is /q).
        String metrics = given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + series + " (?<value>[0-9.eE+-]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group("value")) : 0.0;
    }
}
