package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.AppointmentEvents.deliver;
import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.AppointmentEvents.Appointment;
import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** Care lasts the configured period (default 12 months) after the last visit, measured on a fixed clock. */
@QuarkusTest
@TestProfile(CarePeriodTest.FixedClockProfile.class)
@WithTestResource(OidcWiremockTestResource.class)
class CarePeriodTest {

    static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    /** Replaces the system clock for this class only. */
    @Alternative
    @Singleton
    public static class FixedClock {

        @Produces
        @Singleton
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    public static class FixedClockProfile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A visit at {@code visit}, booked a week before it and completed an hour after it started. */
    private static void completedVisit(Account client, String therapist, Instant visit) {
        Appointment appointment = new Appointment(UUID.randomUUID(), client.id(), therapist, visit);
        deliver(appointment.event("appointment.booked", visit.minusSeconds(7 * 24 * 3600))).statusCode(204);
        deliver(appointment.event("appointment.completed", visit.plusSeconds(3600))).statusCode(204);
    }

    @Test
    void aVisitThirteenMonthsAgoGivesNoAccess() {
        Account alice = Fixtures.newClient();
        completedVisit(alice, LAWRENCE, Instant.parse("2025-05-15T17:00:00Z"));
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/intake/history", alice.id()).then().statusCode(403);
    }

    @Test
    void aVisitElevenMonthsAgoGivesAccessUntilTwelveMonthsAfterIt() {
        Account alice = Fixtures.newClient();
        completedVisit(alice, AUBREY, Instant.parse("2025-07-15T17:00:00Z"));
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
        as(alice.token()).get("/api/v1/clients/{id}/care-team", alice.id())
                .then().statusCode(200)
                .body("therapistSubject", contains(Fixtures.subjectOf(AUBREY)))
                .body("[0].until", equalTo("2026-07-15T17:00:00Z"));
    }

    @Test
    void theLastVisitCountsNotTheFirst() {
        Account alice = Fixtures.newClient();
        completedVisit(alice, AUBREY, Instant.parse("2024-03-01T17:00:00Z"));
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        completedVisit(alice, AUBREY, Instant.parse("2026-01-10T17:00:00Z"));
        as(Fixtures.therapist(AUBREY)).get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(200);
    }
}
