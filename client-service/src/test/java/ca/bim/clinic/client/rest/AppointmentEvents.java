package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Appointment event envelopes as booking-service sends them (contract 3), and their delivery. */
final class AppointmentEvents {

    static final String EVENTS = "/internal/v1/booking-events";

    private AppointmentEvents() {
    }

    /** One appointment of a client with a therapist; each method builds one event about it. */
    record Appointment(UUID id, String clientId, String therapistUsername, Instant startsAt) {

        static Appointment of(String clientId, String therapistUsername) {
            return new Appointment(UUID.randomUUID(), clientId, therapistUsername,
                    Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        }

        Appointment startingAt(Instant at) {
            return new Appointment(id, clientId, therapistUsername, at);
        }

        /** The same therapist under another username (their subject is unchanged). */
        Appointment withUsername(String username) {
            return new Appointment(id, clientId, username, startsAt);
        }

        String event(UUID eventId, String type, Instant occurredAt) {
            return event(eventId, type, occurredAt, Fixtures.subjectOf(canonicalName()), therapistUsername);
        }

        String event(String type, Instant occurredAt) {
            return event(UUID.randomUUID(), type, occurredAt);
        }

        String eventWithoutSubject(String type, Instant occurredAt) {
            return event(UUID.randomUUID(), type, occurredAt, null, null);
        }

        private String canonicalName() {
            // Tests rename lawrence to "lawrence.lam": the same person, the same subject.
            return therapistUsername.startsWith(Fixtures.LAWRENCE) ? Fixtures.LAWRENCE : therapistUsername;
        }

        private String event(UUID eventId, String type, Instant occurredAt, String subject, String username) {
            return """
                    {"id": "%s", "type": "%s", "occurredAt": "%s", "version": 1,
                     "data": {"appointmentId": "%s", "clientId": "%s", "practitionerId": "%s",
                              "practitionerSubject": %s, "practitionerUsername": %s, "locationId": "%s",
                              "locationCode": "richmond", "appointmentTypeCode": "sports-massage-60",
                              "startsAt": "%s", "endsAt": "%s", "status": "%s"}}
                    """.formatted(eventId, type, occurredAt, id, clientId, UUID.randomUUID(), quoted(subject),
                    quoted(username), UUID.randomUUID(), startsAt, startsAt.plus(1, ChronoUnit.HOURS),
                    type.substring(type.indexOf('.') + 1).toUpperCase().replace('-', '_'));
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    static ValidatableResponse deliver(String body) {
        return deliver(Fixtures.bookingService(), body);
    }

    static ValidatableResponse deliver(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post(EVENTS).then();
    }
}
