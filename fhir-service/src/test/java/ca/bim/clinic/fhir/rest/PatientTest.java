package ca.bim.clinic.fhir.rest;

import static ca.bim.clinic.fhir.support.FhirTest.fhir;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
class PatientTest {

    static final UUID CLIENT = AppointmentTest.CLIENT;
    static final String PARTNER = AppointmentTest.PARTNER;
    static final String DEMOGRAPHICS = """
            {"id":"%s","firstName":"Alice","lastName":"Nguyen","preferredName":null,"dateOfBirth":"1990-04-12",
             "phone":"604-555-0101","email":"alice@example.com"}""".formatted(CLIENT);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void stubs() {
        Upstreams.reset();
    }

    static void callerSees(int appointments) {
        Upstreams.json("/api/v1/appointments", """
                {"items":[],"page":0,"size":1,"totalItems":%d,"totalPages":%d}""".formatted(appointments,
                appointments));
    }

    @Test
    void aPartnerWhoBookedForAConsentingClientSeesTheirDemographics() {
        callerSees(1);
        Upstreams.json("/internal/v1/patients/" + CLIENT, DEMOGRAPHICS);
        FhirValidation.assertValid(fhir(PARTNER).get("/fhir/r4/Patient/" + CLIENT).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("resourceType", org.hamcrest.Matchers.equalTo("Patient"))
                .body("name[0].family", org.hamcrest.Matchers.equalTo("Nguyen"))
                .body("birthDate", org.hamcrest.Matchers.equalTo("1990-04-12"))
                .body("telecom.system", org.hamcrest.Matchers.equalTo(java.util.List.of("phone", "email")))
                .extract().asString());
        // The visibility check runs with the partner's token, the demographics with fhir-service's own.
        Upstreams.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/appointments"))
                .withHeader("Authorization", equalTo("Bearer " + PARTNER))
                .withQueryParam("client", equalTo(CLIENT.toString())));
        Upstreams.server().verify(getRequestedFor(urlPathEqualTo("/internal/v1/patients/" + CLIENT))
                .withHeader("Authorization", equalTo("Bearer " + Upstreams.SERVICE_TOKEN)));
    }

    @Test
    void withoutAVisibleAppointmentThePatientIsNotFoundAndClientServiceIsNotAsked() {
        callerSees(0);
        Upstreams.json("/internal/v1/patients/" + CLIENT, DEMOGRAPHICS);
        FhirValidation.assertValid(fhir(PARTNER).get("/fhir/r4/Patient/" + CLIENT).then().statusCode(404)
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("not-found")).extract().asString());
        Upstreams.server().verify(0, getRequestedFor(urlPathEqualTo("/internal/v1/patients/" + CLIENT)));
    }

    @Test
    void withoutConsentInClientServiceThePatientIsNotFound() {
        callerSees(1);
        Upstreams.json(get(urlPathEqualTo("/internal/v1/patients/" + CLIENT)), 404,
                Upstreams.problem(404, "No such patient"));
        fhir(PARTNER).get("/fhir/r4/Patient/" + CLIENT).then().statusCode(404)
                .body("issue[0].diagnostics", org.hamcrest.Matchers.equalTo("No Patient/" + CLIENT
                        + " visible to this caller"));
    }

    @Test
    void clientServiceRefusingOurIdentityIsNotTheCallersFault() {
        callerSees(1);
        Upstreams.json(get(urlPathEqualTo("/internal/v1/patients/" + CLIENT)), 403,
                Upstreams.problem(403, "Forbidden"));
        fhir(PARTNER).get("/fhir/r4/Patient/" + CLIENT).then().statusCode(502)
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("exception"));
    }

    @Test
    void patientsNeedAPartnerOrAdminToken() {
        fhir().get("/fhir/r4/Patient/" + CLIENT).then().statusCode(401);
        fhir(Tokens.of("alice", "alice-sub", "client")).get("/fhir/r4/Patient/" + CLIENT).then().statusCode(403);
        fhir(Tokens.of("fran", "fran-sub", "front-desk")).get("/fhir/r4/Patient/" + CLIENT).then().statusCode(403);
        Upstreams.server().verify(0, getRequestedFor(urlPathEqualTo("/api/v1/appointments")));
    }

    @Test
    void aMalformedIdIsNotFound() {
        fhir(PARTNER).get("/fhir/r4/Patient/not-a-uuid").then().statusCode(404);
    }
}
