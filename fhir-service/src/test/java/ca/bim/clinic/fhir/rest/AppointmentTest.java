package ca.bim.clinic.fhir.rest;

import static ca.bim.clinic.fhir.support.FhirTest.FHIR_JSON;
import static ca.bim.clinic.fhir.support.FhirTest.fhir;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.fhir.service.SlotId;
import ca.bim.clinic.fhir.support.Catalogue;
import ca.bim.clinic.fhir.support.FhirValidation;
import ca.bim.clinic.fhir.support.Upstreams;
import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(Upstreams.class)
class AppointmentTest {

    static final UUID CLIENT = UUID.fromString("c0ffee00-0000-4000-8000-000000000001");
    static final UUID APPOINTMENT = UUID.fromString("a9900000-0000-4000-8000-000000000001");
    static final String PARTNER = Tokens.of("service-account-partner-demo", "partner-sub", "partner");
    static final Instant START = Instant.parse("2026-12-07T17:00:00Z");
    static final String SLOT = SlotId.of(Catalogue.SPORTS_60, Catalogue.RICHMOND, Catalogue.LAWRENCE, START).value();

    static final String NATIVE = """
            {"id":"%s","appointmentType":"sports-massage-60","appointmentTypeName":"Sports Massage, 60 minutes",
             "practitionerId":"%s","practitionerName":"Lawrence Lam","locationId":"%s","locationCode":"richmond",
             "clientId":"%s","start":"2026-12-07T09:00:00-08:00","end":"2026-12-07T10:00:00-08:00",
             "status":"BOOKED","priceCad":125.00,"currency":"CAD","lateCancellation":false,
             "cancellationReason":null,"cancelledAt":null,"createdAt":"2026-11-30T12:00:00Z","version":0}"""
            .formatted(APPOINTMENT, Catalogue.LAWRENCE, Catalogue.RICHMOND, CLIENT);

    static String request(String status, String slot, UUID patient) {
        return """
                {"resourceType":"Appointment","status":"%s","slot":[{"reference":"Slot/%s"}],
                 "participant":[{"actor":{"reference":"Patient/%s"},"status":"needs-action"}]}"""
                .formatted(status, slot, patient);
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void stubs() {
        Upstreams.reset();
        Catalogue.stub();
    }

    @Test
    void bookingASlotCreatesTheAppointmentInBookingService() {
        Upstreams.json(post(urlPathEqualTo("/api/v1/appointments")), 201, NATIVE);
        String json = fhir(PARTNER).contentType(FHIR_JSON).header("Idempotency-Key", "partner-req-1")
                .body(request("proposed", SLOT, CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(201)
                .contentType(startsWith(FHIR_JSON))
                .header("Location", "https://fhir.example/fhir/r4/Appointment/" + APPOINTMENT + "/_history/0")
                .header("Cache-Control", "no-store")
                .body("id", org.hamcrest.Matchers.equalTo(APPOINTMENT.toString()))
                .body("status", org.hamcrest.Matchers.equalTo("booked"))
                .body("start", org.hamcrest.Matchers.equalTo("2026-12-07T17:00:00Z"))
                .body("participant[0].actor.reference", org.hamcrest.Matchers.equalTo("Patient/" + CLIENT))
                .extract().asString();
        FhirValidation.assertValid(json);
        Upstreams.server().verify(postRequestedFor(urlPathEqualTo("/api/v1/appointments"))
                .withHeader("Authorization", equalTo("Bearer " + PARTNER))
                .withHeader("Idempotency-Key", equalTo("partner-req-1"))
                .withRequestBody(equalToJson("""
                        {"appointmentType":"sports-massage-60","practitionerId":"%s","locationCode":"richmond",
                         "start":"2026-12-07T17:00:00Z","clientId":"%s"}""".formatted(Catalogue.LAWRENCE, CLIENT))));
    }

    @Test
    void aTakenSlotIsAConflict() {
        Upstreams.json(post(urlPathEqualTo("/api/v1/appointments")), 409,
                Upstreams.problem(409, "The practitioner is already booked at that time"));
        FhirValidation.assertValid(fhir(PARTNER).contentType(FHIR_JSON).body(request("booked", SLOT, CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(409)
                .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"))
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("conflict"))
                .body("issue[0].diagnostics", containsString("already booked"))
                .extract().asString());
    }

    @Test
    void aClientWithoutConsentCannotBeBookedFor() {
        Upstreams.json(post(urlPathEqualTo("/api/v1/appointments")), 403,
                Upstreams.problem(403, "The client has not consented to data sharing"));
        fhir(PARTNER).contentType(FHIR_JSON).body(request("booked", SLOT, CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(403)
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("forbidden"));
    }

    @Test
    void anUnsupportedStatusIsUnprocessable() {
        FhirValidation.assertValid(fhir(PARTNER).contentType(FHIR_JSON).body(request("arrived", SLOT, CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(422)
                .body("issue[0].diagnostics", containsString("proposed or booked")).extract().asString());
        Upstreams.server().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/appointments")));
    }

    @Test
    void aSlotThatNamesNothingIsUnprocessable() {
        fhir(PARTNER).contentType(FHIR_JSON).body(request("booked", "made-up", CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(422);
        String otherType = SlotId.of(UUID.randomUUID(), Catalogue.RICHMOND, Catalogue.LAWRENCE, START).value();
        fhir(PARTNER).contentType(FHIR_JSON).body(request("booked", otherType, CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(422);
        Upstreams.server().verify(0, postRequestedFor(urlPathEqualTo("/api/v1/appointments")));
    }

    @Test
    void aStartOtherThanTheSlotsIsUnprocessable() {
        String body = """
                {"resourceType":"Appointment","status":"booked","start":"2026-12-07T18:00:00Z",
                 "end":"2026-12-07T19:00:00Z","slot":[{"reference":"Slot/%s"}],
                 "participant":[{"actor":{"reference":"Patient/%s"},"status":"accepted"}]}""".formatted(SLOT, CLIENT);
        fhir(PARTNER).contentType(FHIR_JSON).body(body).post("/fhir/r4/Appointment").then().statusCode(422)
                .body("issue[0].diagnostics", containsString("start"));
    }

    @Test
    void aRequestWithoutPatientIsUnprocessable() {
        String body = """
                {"resourceType":"Appointment","status":"booked","slot":[{"reference":"Slot/%s"}],
                 "participant":[{"actor":{"reference":"Practitioner/%s"},"status":"accepted"}]}"""
                .formatted(SLOT, Catalogue.LAWRENCE);
        fhir(PARTNER).contentType(FHIR_JSON).body(body).post("/fhir/r4/Appointment").then().statusCode(422)
                .body("issue[0].diagnostics", containsString("Patient"));
    }

    @Test
    void aBodyThatIsNotFhirIsABadRequest() {
        FhirValidation.assertValid(fhir(PARTNER).contentType(FHIR_JSON).body("{\"appointmentType\":\"x\"}")
                .post("/fhir/r4/Appointment").then().statusCode(400)
                .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome")).extract().asString());
    }

    @Test
    void bookingNeedsAToken() {
        FhirValidation.assertValid(fhir().contentType(FHIR_JSON).body(request("booked", SLOT, CLIENT))
                .post("/fhir/r4/Appointment").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("login")).extract().asString());
    }

    @Test
    void aTokenForAnotherApiIsRefused() {
        fhir(Tokens.forOtherAudience("service-account-partner-demo", "partner-sub", "partner"))
                .get("/fhir/r4/Appointment").then().statusCode(401)
                .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"));
    }

    @Test
    void clientsAndTherapistsHaveNoAccess() {
        FhirValidation.assertValid(fhir(Tokens.of("alice", "alice-sub", "client")).get("/fhir/r4/Appointment")
                .then().statusCode(403).body("issue[0].code", org.hamcrest.Matchers.equalTo("forbidden"))
                .extract().asString());
        fhir(Tokens.of("lawrence", "lawrence-sub", "therapist")).get("/fhir/r4/Appointment/" + APPOINTMENT)
                .then().statusCode(403);
    }

    @Test
    void searchShowsWhatBookingServiceShowsTheCaller() {
        Upstreams.json("/api/v1/appointments", """
                {"items":[%s],"page":0,"size":20,"totalItems":1,"totalPages":1}""".formatted(NATIVE));
        FhirValidation.assertValid(fhir(PARTNER).queryParam("patient", "Patient/" + CLIENT)
                .queryParam("date", "ge2026-12-01").get("/fhir/r4/Appointment").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("entry[0].resource.serviceType[0].coding[0].code",
                        org.hamcrest.Matchers.equalTo("sports-massage-60"))
                .extract().asString());
        Upstreams.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/appointments"))
                .withHeader("Authorization", equalTo("Bearer " + PARTNER))
                .withQueryParam("client", equalTo(CLIENT.toString()))
                .withQueryParam("from", equalTo("2026-12-01T08:00:00Z")));
    }

    @Test
    void readIsTheNativeAppointmentOrNotFound() {
        Upstreams.json("/api/v1/appointments/" + APPOINTMENT, NATIVE);
        FhirValidation.assertValid(fhir(PARTNER).get("/fhir/r4/Appointment/" + APPOINTMENT).then().statusCode(200)
                .header("ETag", containsString("0"))
                .body("minutesDuration", org.hamcrest.Matchers.equalTo(60))
                .extract().asString());
        Upstreams.json(get(urlPathEqualTo("/api/v1/appointments/" + CLIENT)), 404,
                Upstreams.problem(404, "No appointment " + CLIENT));
        FhirValidation.assertValid(fhir(PARTNER).get("/fhir/r4/Appointment/" + CLIENT).then().statusCode(404)
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("not-found")).extract().asString());
    }

    @Test
    void cancelledAppointmentsCarryTheirReason() {
        Upstreams.json("/api/v1/appointments/" + APPOINTMENT, NATIVE.replace("\"BOOKED\"", "\"CANCELLED\"")
                .replace("\"cancellationReason\":null", "\"cancellationReason\":\"Client is unwell\""));
        FhirValidation.assertValid(fhir(PARTNER).get("/fhir/r4/Appointment/" + APPOINTMENT).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"))
                .body("cancelationReason.text", org.hamcrest.Matchers.equalTo("Client is unwell"))
                .extract().asString());
    }
}
