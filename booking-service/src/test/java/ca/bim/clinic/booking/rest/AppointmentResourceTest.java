package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.Fixtures;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class AppointmentResourceTest {

    private static final String MONDAY_10 = "2026-05-04T10:00:00-07:00";
    private static final String MONDAY_11 = "2026-05-04T11:00:00-07:00";
    private static final String MONDAY_14 = "2026-05-04T14:00:00-07:00";

    @Inject
    FixedClock clock;

    String username;
    UUID practitioner;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void practitionerWorkingMondaysInRichmond() {
        clock.set("2026-05-01T12:00:00Z");
        username = Fixtures.unique("rmt");
        practitioner = Fixtures.practitioner(username);
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
    }

    @Test
    void aSlotFromAvailabilityIsABookingRequestWithOnlyClientIdAdded() {
        Map<String, Object> slot = new HashMap<>(given().queryParam("appointmentType", "sports-massage-60")
                .queryParam("practitioner", practitioner.toString()).queryParam("from", "2026-05-04")
                .queryParam("to", "2026-05-04").get("/api/v1/availability")
                .then().statusCode(200).extract().path("items[0]"));
        String client = UUID.randomUUID().toString();
        slot.put("clientId", client);
        book(Fixtures.frontDesk(), slot, null).statusCode(201)
                .body("appointmentType", equalTo(slot.get("appointmentType")))
                .body("practitionerId", equalTo(slot.get("practitionerId")))
                .body("practitionerName", equalTo(slot.get("practitionerName")))
                .body("locationCode", equalTo(slot.get("locationCode")))
                .body("start", equalTo(slot.get("start")))
                .body("end", equalTo(slot.get("end")))
                .body("clientId", equalTo(client));
    }

    @Test
    void clientBooksForThemselvesWithTheirClientRecordId() {
        String subject = Fixtures.unique("alice");
        String id = book(Fixtures.client(subject), body("sports-massage-60", MONDAY_10, null), null)
                .statusCode(201)
                .header("Location", containsString("/api/v1/appointments/"))
                .body("clientId", equalTo(ClientServiceStub.clientIdOf(subject).toString()))
                .body("status", equalTo("booked"))
                .body("appointmentType", equalTo("sports-massage-60"))
                .body("practitionerId", equalTo(practitioner.toString()))
                .body("locationCode", equalTo("richmond"))
                .body("start", equalTo(MONDAY_10))
                .body("end", equalTo(MONDAY_11))
                .body("priceCad", equalTo(120.00f))
                .body("currency", equalTo("CAD"))
                .extract().path("id");
        given().auth().oauth2(Fixtures.client(subject)).get("/api/v1/appointments/{id}", id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void clientRecordIdIsFetchedWithTheCallersTokenAndCachedBriefly() {
        String subject = Fixtures.unique("cached");
        Fixtures.book(Fixtures.client(subject), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, null);
        given().auth().oauth2(Fixtures.client(subject)).get("/api/v1/appointments").then().statusCode(200)
                .body("totalItems", equalTo(1));
        org.assertj.core.api.Assertions.assertThat(ClientServiceStub.requestsFor(subject)).isEqualTo(1);
    }

    @Test
    void locationHeaderNamesTheNewAppointment() {
        var response = book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(201).extract();
        org.assertj.core.api.Assertions.assertThat(response.header("Location"))
                .endsWith("/api/v1/appointments/" + response.path("id"));
    }

    @Test
    void clientCannotBookForAnotherClient() {
        book(Fixtures.client(Fixtures.unique("alice")), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void clientWithoutProfileIsToldToCreateItFirst() {
        String subject = Fixtures.unique("walk-in");
        ClientServiceStub.withoutProfile(subject);
        book(Fixtures.client(subject), body("sports-massage-60", MONDAY_10, null), null)
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("profile"));
    }

    @Test
    void unreachableClientServiceIsServiceUnavailable() {
        String subject = Fixtures.unique("carol");
        ClientServiceStub.unreachableFor(subject);
        book(Fixtures.client(subject), body("sports-massage-60", MONDAY_10, null), null)
                .statusCode(503)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void staffMustNameTheClient() {
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_10, null), null)
                .statusCode(400)
                .body("violations.field", hasItem("clientId"));
    }

    @Test
    void adminAndPartnerBookForAClient() {
        book(Tokens.of("andrea", "sub-andrea", "admin"), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(201);
        book(Fixtures.partner("sub-partner-demo"), body("sports-massage-60", MONDAY_14, UUID.randomUUID()), null)
                .statusCode(201);
    }

    @Test
    void therapistsCannotBookAndAnonymousCallersAreUnauthorized() {
        book(Fixtures.therapist(username), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(403);
        given().contentType(ContentType.JSON).body(body("sports-massage-60", MONDAY_10, UUID.randomUUID()))
                .post("/api/v1/appointments").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        given().auth().oauth2(Tokens.forOtherAudience("fran", "sub-fran", "front-desk")).contentType(ContentType.JSON)
                .body(body("sports-massage-60", MONDAY_10, UUID.randomUUID()))
                .post("/api/v1/appointments").then().statusCode(401);
    }

    @Test
    void takenSlotIsAConflictSayingSo() {
        Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        // 10:30 overlaps 10:00-11:00; 11:00 overlaps the 15-minute buffer.
        book(Fixtures.frontDesk(), body("sports-massage-60", "2026-05-04T10:30:00-07:00", UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("already booked"));
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_11, UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("already booked"));
        book(Fixtures.frontDesk(), body("sports-massage-60", "2026-05-04T11:15:00-07:00", UUID.randomUUID()), null)
                .statusCode(201);
    }

    @Test
    void startOutsideWorkingHoursOrOffTheGridIsAConflict() {
        book(Fixtures.frontDesk(), body("sports-massage-60", "2026-05-04T08:00:00-07:00", UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("working hours"));
        book(Fixtures.frontDesk(), body("sports-massage-60", "2026-05-04T16:30:00-07:00", UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("working hours"));
        book(Fixtures.frontDesk(), body("sports-massage-60", "2026-05-04T10:05:00-07:00", UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("working hours"));
        var elsewhere = body("sports-massage-60", MONDAY_10, UUID.randomUUID());
        elsewhere.put("locationCode", "vancouver");
        book(Fixtures.frontDesk(), elsewhere, null).statusCode(409).body("detail", containsString("working hours"));
    }

    @Test
    void startInsideTheMinimumNoticeIsTooSoon() {
        clock.set("2026-05-04T16:00:00Z"); // 09:00 in Richmond
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("minimum notice"));
    }

    @Test
    void startBeyondTheHorizonIsRefused() {
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-07-01", null);
        book(Fixtures.frontDesk(), body("sports-massage-60", "2026-08-03T10:00:00-07:00", UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("horizon"));
    }

    @Test
    void startDuringTimeOffIsRefused() {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("start", "2026-05-04T09:00:00-07:00", "end", "2026-05-04T12:00:00-07:00", "reason", "Dentist"))
                .post("/api/v1/practitioners/{id}/time-off", practitioner).then().statusCode(201);
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(409).body("detail", containsString("away"));
    }

    @Test
    void unknownTypeOrAServiceThePractitionerDoesNotOfferIsUnprocessable() {
        book(Fixtures.frontDesk(), body("hot-stone-45", MONDAY_10, UUID.randomUUID()), null).statusCode(422);
        book(Fixtures.frontDesk(), body("kinesiology-assessment-60", MONDAY_10, UUID.randomUUID()), null)
                .statusCode(422).body("detail", containsString("does not offer"));
    }

    @Test
    void malformedBookingIsABadRequestNamingTheFields() {
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body(Map.of("appointmentType", "sports-massage-60", "locationCode", "richmond"))
                .post("/api/v1/appointments")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem(endsWith("start")))
                .body("violations.field", hasItem(endsWith("practitionerId")));
    }

    @Test
    void staffOnlyTypeIsRefusedToClientsButBookableByFrontDesk() {
        String code = Fixtures.unique("staff-only");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "Follow-up", "description", "Booked at the desk", "durationMinutes", 30,
                        "bufferMinutes", 0, "priceCad", 60, "disciplines", List.of("massage-therapy"), "onlineBookable", false))
                .post("/api/v1/appointment-types").then().statusCode(201);
        book(Fixtures.client(Fixtures.unique("alice")), body(code, MONDAY_10, null), null).statusCode(403);
        book(Fixtures.frontDesk(), body(code, MONDAY_10, UUID.randomUUID()), null).statusCode(201);
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheSameAppointment() {
        String key = UUID.randomUUID().toString();
        var request = body("sports-massage-60", MONDAY_10, UUID.randomUUID());
        String first = book(Fixtures.frontDesk(), request, key).statusCode(201)
                .header("Idempotent-Replayed", "false").extract().path("id");
        book(Fixtures.frontDesk(), request, key).statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/api/v1/appointments/" + first))
                .body("id", equalTo(first));
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_10, UUID.randomUUID()), key).statusCode(201);
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_14, UUID.randomUUID()), key)
                .statusCode(422).body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void idempotencyKeysBelongToTheCaller() {
        String key = UUID.randomUUID().toString();
        UUID client = UUID.randomUUID();
        book(Fixtures.frontDesk(), body("sports-massage-60", MONDAY_10, client), key).statusCode(201);
        book(Fixtures.admin(), body("sports-massage-60", MONDAY_14, client), key).statusCode(201);
    }

    @Test
    void anotherClientsAppointmentIsNotFound() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, null);
        String bob = Fixtures.client(Fixtures.unique("bob"));
        given().auth().oauth2(bob).get("/api/v1/appointments/{id}", id)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("reason", "mine now"))
                .post("/api/v1/appointments/{id}/cancel", id).then().statusCode(404);
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("start", MONDAY_14))
                .post("/api/v1/appointments/{id}/reschedule", id).then().statusCode(404);
    }

    @Test
    void clientListsOnlyTheirOwnAppointments() {
        String alice = Fixtures.unique("alice");
        UUID own = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, null);
        UUID other = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_14);
        given().auth().oauth2(Fixtures.client(alice)).get("/api/v1/appointments")
                .then().statusCode(200)
                .body("items.id", contains(own.toString()))
                .body("totalItems", equalTo(1));
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .get("/api/v1/appointments")
                .then().statusCode(200)
                .body("items.id", contains(own.toString(), other.toString()));
    }

    @Test
    void clientFilteringOnAnotherClientIsForbidden() {
        given().auth().oauth2(Fixtures.client(Fixtures.unique("alice"))).queryParam("client", UUID.randomUUID())
                .get("/api/v1/appointments").then().statusCode(403);
    }

    @Test
    void therapistSeesTheirOwnScheduleOnly() {
        UUID mine = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        String otherName = Fixtures.unique("rmt");
        UUID otherPractitioner = Fixtures.practitioner(otherName);
        Fixtures.schedule(otherPractitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        UUID theirs = Fixtures.book(otherPractitioner, "sports-massage-60", RICHMOND, MONDAY_10);

        given().auth().oauth2(Fixtures.therapist(username)).get("/api/v1/appointments")
                .then().statusCode(200)
                .body("items.practitionerId", everyItem(equalTo(practitioner.toString())))
                .body("items.id", hasItem(mine.toString()));
        given().auth().oauth2(Fixtures.therapist(username)).get("/api/v1/appointments/{id}", theirs)
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.therapist(username)).queryParam("practitioner", otherPractitioner)
                .get("/api/v1/appointments").then().statusCode(403);
    }

    @Test
    void partnerSeesOnlyTheBookingsItMade() {
        UUID made = Fixtures.book(Fixtures.partner("sub-partner-a"), practitioner, "sports-massage-60", RICHMOND,
                MONDAY_10, UUID.randomUUID());
        given().auth().oauth2(Fixtures.partner("sub-partner-a")).get("/api/v1/appointments/{id}", made)
                .then().statusCode(200);
        given().auth().oauth2(Fixtures.partner("sub-partner-b")).get("/api/v1/appointments/{id}", made)
                .then().statusCode(404);
        given().auth().oauth2(Fixtures.partner("sub-partner-b")).get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", not(hasItem(made.toString())));
    }

    @Test
    void listingFiltersByStatusDateAndLocation() {
        UUID kept = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        UUID cancelled = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_14);
        cancel(Fixtures.frontDesk(), cancelled, false).statusCode(200);
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .queryParam("status", "cancelled").get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", contains(cancelled.toString()));
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .queryParam("from", "2026-05-04").queryParam("to", "2026-05-04T12:00:00-07:00")
                .queryParam("location", "richmond").get("/api/v1/appointments")
                .then().statusCode(200).body("items.id", contains(kept.toString()));
        given().auth().oauth2(Fixtures.frontDesk()).queryParam("status", "LOST").get("/api/v1/appointments")
                .then().statusCode(400);
    }

    @Test
    void rescheduleMovesTheAppointmentAndFreesTheOldTime() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, null);
        reschedule(Fixtures.client(alice), id, MONDAY_14).statusCode(200)
                .body("start", equalTo(MONDAY_14)).body("status", equalTo("booked"));
        Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
    }

    @Test
    void rescheduleOntoATakenSlotKeepsTheOldOne() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_14);
        reschedule(Fixtures.frontDesk(), id, "2026-05-04T14:30:00-07:00").statusCode(409);
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", id)
                .then().statusCode(200).body("start", equalTo(MONDAY_10));
    }

    @Test
    void rescheduleByAQuarterHourOverlappingItselfIsAllowed() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        reschedule(Fixtures.frontDesk(), id, "2026-05-04T10:15:00-07:00").statusCode(200)
                .body("end", equalTo("2026-05-04T11:15:00-07:00"));
    }

    @Test
    void clientCannotRescheduleInsideTheCancellationWindowButStaffCan() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_14, null);
        clock.set("2026-05-03T22:00:00Z"); // 23 hours before
        reschedule(Fixtures.client(alice), id, "2026-05-04T15:00:00-07:00").statusCode(409)
                .body("detail", containsString("cancellation window"));
        reschedule(Fixtures.frontDesk(), id, "2026-05-04T15:00:00-07:00").statusCode(200);
    }

    @Test
    void cancelOutsideTheWindowIsNotLate() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_14, null);
        cancel(Fixtures.client(alice), id, false).statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("lateCancellation", equalTo(false))
                .body("cancellationReason", equalTo("Feeling better"));
    }

    @Test
    void cancelInsideTwentyFourHoursIsLate() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_14, null);
        clock.set("2026-05-03T22:00:00Z");
        cancel(Fixtures.client(alice), id, false).statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("lateCancellation", equalTo(true));
    }

    @Test
    void staffMayWaiveALateCancellationButClientsMayNot() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_14, null);
        clock.set("2026-05-03T22:00:00Z");
        cancel(Fixtures.client(alice), id, true).statusCode(403);
        cancel(Fixtures.frontDesk(), id, true).statusCode(200).body("lateCancellation", equalTo(false));
    }

    @Test
    void cancellingTwiceOrAfterTheStartIsAConflict() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        cancel(Fixtures.frontDesk(), id, false).statusCode(200);
        cancel(Fixtures.frontDesk(), id, false).statusCode(409);
        UUID started = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_14);
        clock.set("2026-05-04T21:10:00Z");
        cancel(Fixtures.frontDesk(), started, false).statusCode(409);
    }

    @Test
    void cancelWithoutAReasonIsABadRequest() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        given().auth().oauth2(Fixtures.frontDesk()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/appointments/{id}/cancel", id)
                .then().statusCode(400).body("violations.field", hasItem(endsWith("reason")));
    }

    @Test
    void checkInThenCompleteAndIllegalTransitionsAreConflicts() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        clock.set("2026-05-04T16:30:00Z"); // 09:30 in Richmond, the appointment's day
        action(Fixtures.frontDesk(), id, "complete").statusCode(409);
        action(Fixtures.frontDesk(), id, "check-in").statusCode(200).body("status", equalTo("checked-in"));
        action(Fixtures.frontDesk(), id, "check-in").statusCode(409);
        cancel(Fixtures.frontDesk(), id, false).statusCode(409);
        action(Fixtures.therapist(username), id, "complete").statusCode(200).body("status", equalTo("completed"));
        action(Fixtures.frontDesk(), id, "no-show").statusCode(409);
    }

    @Test
    void noShowOnlyOnceTheStartHasPassed() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        action(Fixtures.therapist(username), id, "no-show").statusCode(409);
        clock.set("2026-05-04T17:20:00Z");
        action(Fixtures.therapist(username), id, "no-show").statusCode(200).body("status", equalTo("no-show"));
        action(Fixtures.frontDesk(), id, "check-in").statusCode(409);
    }

    @Test
    void onlyStaffOrTheOwnPractitionerRecordAttendance() {
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.client(alice), practitioner, "sports-massage-60", RICHMOND, MONDAY_10, null);
        clock.set("2026-05-04T16:30:00Z");
        action(Fixtures.client(alice), id, "check-in").statusCode(403);
        action(Fixtures.therapist(Fixtures.unique("rmt")), id, "check-in").statusCode(404);
        action(Fixtures.partner("sub-partner-a"), id, "check-in").statusCode(403);
        given().post("/api/v1/appointments/{id}/check-in", id).then().statusCode(401);
        action(Fixtures.therapist(username), id, "check-in").statusCode(200);
    }

    @Test
    void aClientCannotRescheduleAStaffOnlyAppointment() {
        String code = staffOnlyType();
        String alice = Fixtures.unique("alice");
        UUID id = Fixtures.book(Fixtures.frontDesk(), practitioner, code, RICHMOND, MONDAY_10,
                ClientServiceStub.clientIdOf(alice));
        reschedule(Fixtures.client(alice), id, MONDAY_14).statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("front desk"));
        given().auth().oauth2(Fixtures.client(alice)).get("/api/v1/appointments/{id}", id)
                .then().statusCode(200).body("start", equalTo(MONDAY_10));
        reschedule(Fixtures.frontDesk(), id, MONDAY_14).statusCode(200).body("start", equalTo(MONDAY_14));
    }

    @Test
    void aPartnerCannotRescheduleAnAppointmentWhoseTypeBecameStaffOnly() {
        String code = appointmentType(true);
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        UUID id = Fixtures.book(partner, practitioner, code, RICHMOND, MONDAY_10, UUID.randomUUID());
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(typeBody(code, false))
                .put("/api/v1/appointment-types/{code}", code).then().statusCode(200);
        reschedule(partner, id, MONDAY_14).statusCode(403);
    }

    @Test
    void checkInBeforeTheAppointmentsLocalDayIsAConflict() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        // 23:30 on Sunday in Richmond (already Monday in UTC).
        clock.set("2026-05-04T06:30:00Z");
        action(Fixtures.frontDesk(), id, "check-in").statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("2026-05-04"));
        // 00:30 on Monday in Richmond.
        clock.set("2026-05-04T07:30:00Z");
        action(Fixtures.frontDesk(), id, "check-in").statusCode(200).body("status", equalTo("checked-in"));
    }

    @Test
    void checkInWeeksAheadIsAConflict() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, "2026-05-25T10:00:00-07:00");
        action(Fixtures.frontDesk(), id, "check-in").statusCode(409);
        action(Fixtures.therapist(username), id, "check-in").statusCode(409);
    }

    @Test
    void checkInAfterTheAppointmentsLocalDayIsAConflict() {
        UUID id = Fixtures.book(practitioner, "sports-massage-60", RICHMOND, MONDAY_10);
        clock.set("2026-05-05T07:30:00Z"); // 00:30 on Tuesday in Richmond
        action(Fixtures.frontDesk(), id, "check-in").statusCode(409);
    }

    private String staffOnlyType() {
        return appointmentType(false);
    }

    private String appointmentType(boolean onlineBookable) {
        String code = Fixtures.unique("follow-up");
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(typeBody(code, onlineBookable))
                .post("/api/v1/appointment-types").then().statusCode(201);
        return code;
    }

    private static Map<String, Object> typeBody(String code, boolean onlineBookable) {
        return Map.of("code", code, "name", "Follow-up", "description", "A short follow-up", "durationMinutes", 30,
                "bufferMinutes", 0, "priceCad", 60, "disciplines", List.of("massage-therapy"),
                "onlineBookable", onlineBookable);
    }

    @Test
    void eventsNameThePractitionerBySubjectBesideTheUsername() {
        String subject = UUID.randomUUID().toString();
        String login = Fixtures.unique("subrmt");
        String id = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(Map.of("keycloakUsername", login, "subject", subject, "name", "Test " + login,
                        "discipline", "massage-therapy", "credentials", "RMT", "bio", "Test practitioner"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        UUID withSubject = UUID.fromString(id);
        Fixtures.schedule(withSubject, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        UUID booked = Fixtures.book(partner, withSubject, "sports-massage-60", RICHMOND, MONDAY_10,
                Events.sharingClient());
        String event = "items.find { it.data.appointmentId == '" + booked + "' }.data";
        given().auth().oauth2(partner).get("/api/v1/events").then().statusCode(200)
                .body(event + ".practitionerSubject", equalTo(subject))
                .body(event + ".practitionerUsername", equalTo(login));
    }

    @Test
    void unknownAppointmentIsNotFound() {
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(Fixtures.frontDesk()).get("/api/v1/appointments/not-a-uuid")
                .then().statusCode(404);
    }

    private HashMap<String, Object> body(String type, String start, UUID clientId) {
        var body = new HashMap<String, Object>(Map.of("appointmentType", type, "practitionerId",
                practitioner.toString(), "locationCode", RICHMOND, "start", start));
        if (clientId != null) {
            body.put("clientId", clientId.toString());
        }
        return body;
    }

    private static ValidatableResponse book(String token, Map<String, Object> body, String idempotencyKey) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/appointments").then();
    }

    private static ValidatableResponse reschedule(String token, UUID id, String start) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("start", start))
                .post("/api/v1/appointments/{id}/reschedule", id).then();
    }

    private static ValidatableResponse cancel(String token, UUID id, boolean waive) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "Feeling better", "waiveLateCancellation", waive))
                .post("/api/v1/appointments/{id}/cancel", id).then();
    }

    private static ValidatableResponse action(String token, UUID id, String action) {
        return given().auth().oauth2(token).post("/api/v1/appointments/{id}/" + action, id).then();
    }
}
