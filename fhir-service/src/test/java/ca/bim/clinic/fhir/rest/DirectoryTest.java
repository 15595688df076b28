package ca.bim.clinic.fhir.rest;

import static ca.bim.clinic.fhir.support.FhirTest.FHIR_JSON;
import static ca.bim.clinic.fhir.support.FhirTest.fhir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.fhir.support.Catalogue;
import ca.bim.clinic.fhir.support.FhirValidation;
import ca.bim.clinic.fhir.support.Upstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(Upstreams.class)
class DirectoryTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void catalogue() {
        Upstreams.reset();
        Catalogue.stub();
    }

    @Test
    void metadataListsExactlyTheSupportedResourcesAndIsValid() {
        String json = fhir().get("/fhir/r4/metadata").then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .header("X-Content-Type-Options", "nosniff")
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .extract().asString();
        FhirValidation.assertValid(json);
        JsonPath body = JsonPath.from(json);
        assertThat(body.getList("rest[0].resource.type", String.class)).containsExactly("Appointment",
                "HealthcareService", "Location", "Patient", "Practitioner", "PractitionerRole", "Schedule", "Slot");
        assertThat(body.getList("rest[0].resource.find { it.type == 'Appointment' }.interaction.code", String.class))
                .containsExactly("read", "search-type", "create");
        assertThat(body.getList("rest[0].resource.find { it.type == 'Slot' }.searchParam.name", String.class))
                .containsExactly("service-type", "schedule", "start");
        assertThat(body.getList("rest[0].resource.find { it.type == 'Patient' }.interaction.code", String.class))
                .containsExactly("read");
    }

    @Test
    void locationsAreASearchsetWithBothClinics() {
        String json = fhir().get("/fhir/r4/Location").then().statusCode(200).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("total", equalTo(2))
                .body("entry.resource.name", hasItems("Balance in Motion Richmond", "Balance in Motion Vancouver"))
                .body("entry[0].fullUrl", equalTo("https://fhir.example/fhir/r4/Location/" + Catalogue.RICHMOND))
                .body("entry[0].search.mode", equalTo("match"))
                .body("link.find { it.relation == 'self' }.url",
                        equalTo("https://fhir.example/fhir/r4/Location?_count=20&_page=0"))
                .extract().asString();
        FhirValidation.assertValid(json);
    }

    @Test
    void locationSearchByCodeFindsRichmond() {
        String json = fhir().queryParam("identifier", "richmond").get("/fhir/r4/Location").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.identifier[0].value", equalTo("richmond"))
                .body("entry[0].resource.address.city", equalTo("Richmond"))
                .extract().asString();
        FhirValidation.assertValid(json);
    }

    @Test
    void locationReadIsValid() {
        FhirValidation.assertValid(fhir().get("/fhir/r4/Location/" + Catalogue.RICHMOND).then().statusCode(200)
                .body("id", equalTo(Catalogue.RICHMOND.toString()))
                .body("telecom[0].value", equalTo("604-271-7181"))
                .extract().asString());
    }

    @Test
    void unknownLocationIsANotFoundOperationOutcome() {
        String json = fhir().get("/fhir/r4/Location/not-a-location").then().statusCode(404)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"))
                .extract().asString();
        FhirValidation.assertValid(json);
    }

    @Test
    void practitionersAndTheirRolesAreValid() {
        FhirValidation.assertValid(fhir().get("/fhir/r4/Practitioner").then().statusCode(200)
                .body("total", equalTo(2))
                .body("entry[0].resource.name[0].text", equalTo("Lawrence Lam"))
                .extract().asString());
        FhirValidation.assertValid(fhir().get("/fhir/r4/Practitioner/" + Catalogue.LAWRENCE).then().statusCode(200)
                .body("qualification[0].code.text", equalTo("Registered Massage Therapist (RMT)"))
                .extract().asString());
        FhirValidation.assertValid(fhir().get("/fhir/r4/PractitionerRole").then().statusCode(200)
                .body("total", equalTo(2)).extract().asString());
        FhirValidation.assertValid(fhir().get("/fhir/r4/PractitionerRole/" + Catalogue.LAWRENCE).then()
                .statusCode(200)
                .body("practitioner.reference", equalTo("Practitioner/" + Catalogue.LAWRENCE))
                .body("specialty[0].coding[0].code", equalTo("massage-therapy"))
                .body("location.reference", equalTo(List.of("Location/" + Catalogue.RICHMOND)))
                .body("healthcareService.reference", equalTo(List.of("HealthcareService/sports-massage-60")))
                .extract().asString());
    }

    @Test
    void healthcareServicesCarryDurationAndPrice() {
        FhirValidation.assertValid(fhir().get("/fhir/r4/HealthcareService").then().statusCode(200)
                .body("total", equalTo(2)).extract().asString());
        FhirValidation.assertValid(fhir().get("/fhir/r4/HealthcareService/sports-massage-60").then().statusCode(200)
                .body("name", equalTo("Sports Massage, 60 minutes"))
                .body("extraDetails", equalTo("60 minutes, CAD 125.00"))
                .body("extension.find { it.url.endsWith('/duration') }.valueDuration.value", equalTo(60))
                .body("extension.find { it.url.endsWith('/price') }.valueMoney.currency", equalTo("CAD"))
                .extract().asString());
    }

    @Test
    void schedulesArePerPractitionerAndLocation() {
        String json = fhir().queryParam("actor", "Location/" + Catalogue.RICHMOND)
                .queryParam("service-type", "sports-massage-60")
                .get("/fhir/r4/Schedule").then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(Catalogue.LAWRENCE + ".richmond"))
                .body("entry[0].resource.actor.reference",
                        equalTo(List.of("Practitioner/" + Catalogue.LAWRENCE, "Location/" + Catalogue.RICHMOND)))
                .extract().asString();
        FhirValidation.assertValid(json);
        FhirValidation.assertValid(fhir().get("/fhir/r4/Schedule/" + Catalogue.KIM + ".vancouver").then()
                .statusCode(200).body("serviceType[0].coding[0].code", equalTo("kinesiology-assessment-60"))
                .extract().asString());
        fhir().get("/fhir/r4/Schedule/" + Catalogue.KIM + ".richmond").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void pagingLinksLeadThroughTheResults() {
        String json = fhir().queryParam("_count", 1).get("/fhir/r4/Schedule").then().statusCode(200)
                .body("total", equalTo(2))
                .body("entry.size()", equalTo(1))
                .body("link.find { it.relation == 'next' }.url",
                        equalTo("https://fhir.example/fhir/r4/Schedule?_count=1&_page=1"))
                .extract().asString();
        FhirValidation.assertValid(json);
        fhir().queryParam("_count", 1).queryParam("_page", 1).get("/fhir/r4/Schedule").then().statusCode(200)
                .body("entry[0].resource.id", equalTo(Catalogue.KIM + ".vancouver"))
                .body("link.find { it.relation == 'previous' }.url", containsString("_page=0"));
    }

    @Test
    void unknownSearchParameterIsRefused() {
        FhirValidation.assertValid(fhir().queryParam("name", "Richmond").get("/fhir/r4/Location").then()
                .statusCode(400).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("name"))
                .extract().asString());
    }

    @Test
    void unsupportedResourceTypeIsANotFoundOperationOutcome() {
        FhirValidation.assertValid(fhir().get("/fhir/r4/Observation").then().statusCode(404)
                .contentType(startsWith(FHIR_JSON)).body("resourceType", equalTo("OperationOutcome"))
                .extract().asString());
    }

    @Test
    void bookingServiceDownIsATransientOperationOutcome() {
        Upstreams.reset();
        Upstreams.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/locations"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFault(
                        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        FhirValidation.assertValid(fhir().get("/fhir/r4/Location").then().statusCode(503)
                .body("issue[0].code", equalTo("transient")).extract().asString());
    }
}
