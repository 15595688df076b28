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

    @Test
    void bookingsAreCountedByOutcome() {
        clock.set("2026-05-01T12:00:00Z");
        UUID practitioner = Fixtures.practitioner(Fixtures.unique("rmt"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
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
        clock.set("2026-05-01T12:00:00Z");
        UUID practitioner = Fixtures.practitioner(Fixtures.unique("rmt"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        try (Receiver receiver = new Receiver()) {
            receiver.answer(503);
            ca.bim.clinic.booking.support.Events.register(partner, receiver.url(),
                    java.util.List.of("appointment.booked"));
            given().auth().oauth2(partner).contentType(ContentType.JSON)
                    .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                            "locationCode", RICHMOND, "start", MONDAY_10, "clientId", UUID.randomUUID().toString()))
                    .post("/api/v1/appointments").then().statusCode(201);
            clock.set(clock.instant().plus(Duration.ofMinutes(10)));
            dispatcher.runOnce();
            // The failed webhook delivery is still pending, so the oldest undelivered event is at least 10 min old.
            assertThat(gauge("booking_outbox_lag_seconds")).isGreaterThanOrEqualTo(600.0);
        }
    }

    private static void book(UUID practitioner, UUID client, int status) {
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "practitionerId", practitioner.toString(),
                        "locationCode", RICHMOND, "start", MONDAY_10, "clientId", client.toString()))
                .post("/api/v1/appointments").then().statusCode(status);
    }

    private static double counter(String outcome) {
        return value("booking_requests_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*\\}");
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
