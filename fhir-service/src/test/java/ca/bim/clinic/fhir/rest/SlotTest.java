package ca.bim.clinic.fhir.rest;

import static ca.bim.clinic.fhir.support.FhirTest.fhir;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.fhir.service.SlotId;
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
class SlotTest {

    static final String SCHEDULE = Catalogue.LAWRENCE + ".richmond";
    static final String AVAILABILITY = """
            {"items":[
              {"practitionerId":"%1$s","practitionerName":"Lawrence Lam","locationId":"%2$s","locationCode":"richmond",
               "start":"2026-12-07T09:00:00-08:00","end":"2026-12-07T10:00:00-08:00"},
              {"practitionerId":"%1$s","practitionerName":"Lawrence Lam","locationId":"%2$s","locationCode":"richmond",
               "start":"2026-12-07T09:15:00-08:00","end":"2026-12-07T10:15:00-08:00"}],
             "totalItems":2}""".formatted(Catalogue.LAWRENCE, Catalogue.RICHMOND);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void stubs() {
        Upstreams.reset();
        Catalogue.stub();
        Upstreams.json("/api/v1/availability", AVAILABILITY);
    }

    @Test
    void freeSlotsOfAScheduleAreFoundByServiceTypeAndStart() {
        String json = fhir().queryParam("schedule", "Schedule/" + SCHEDULE)
                .queryParam("service-type", "sports-massage-60")
                .queryParam("start", "ge2026-12-07").queryParam("start", "lt2026-12-14")
                .get("/fhir/r4/Slot").then().statusCode(200)
                .body("resourceType", org.hamcrest.Matchers.equalTo("Bundle"))
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .extract().asString();
        FhirValidation.assertValid(json);
        JsonPath body = JsonPath.from(json);
        assertThat(body.getList("entry.resource.status", String.class)).containsOnly("free");
        assertThat(body.getString("entry[0].resource.schedule.reference")).isEqualTo("Schedule/" + SCHEDULE);
        assertThat(body.getString("entry[0].resource.start")).isEqualTo("2026-12-07T17:00:00Z");
        assertThat(body.getString("entry[0].resource.serviceType[0].coding[0].code")).isEqualTo("sports-massage-60");
        String id = body.getString("entry[0].resource.id");
        assertThat(id.length()).isLessThanOrEqualTo(64);
        SlotId decoded = SlotId.parse(id).orElseThrow();
        assertThat(decoded.practitionerId()).isEqualTo(Catalogue.LAWRENCE);
        assertThat(decoded.start()).isEqualTo(Instant.parse("2026-12-07T17:00:00Z"));
        // booking-service was asked for exactly that practitioner, place, type and week (dates in Vancouver).
        Upstreams.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/availability"))
                .withQueryParam("appointmentType", equalTo("sports-massage-60"))
                .withQueryParam("location", equalTo("richmond"))
                .withQueryParam("practitioner", equalTo(Catalogue.LAWRENCE.toString()))
                .withQueryParam("from", equalTo("2026-12-07T08:00:00Z"))
                .withQueryParam("to", equalTo("2026-12-14T08:00:00Z")));
    }

    @Test
    void aSlotReadsBackAsFreeWhileItIsOffered() {
        String id = SlotId.of(Catalogue.SPORTS_60, Catalogue.RICHMOND, Catalogue.LAWRENCE,
                Instant.parse("2026-12-07T17:15:00Z")).value();
        FhirValidation.assertValid(fhir().get("/fhir/r4/Slot/" + id).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(id))
                .body("status", org.hamcrest.Matchers.equalTo("free"))
                .body("end", org.hamcrest.Matchers.equalTo("2026-12-07T18:15:00Z"))
                .extract().asString());
    }

    @Test
    void aSlotNoLongerOfferedReadsAsBusy() {
        String id = SlotId.of(Catalogue.SPORTS_60, Catalogue.RICHMOND, Catalogue.LAWRENCE,
                Instant.parse("2026-12-07T19:00:00Z")).value();
        FhirValidation.assertValid(fhir().get("/fhir/r4/Slot/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("busy-unavailable"))
                .extract().asString());
    }

    @Test
    void aMadeUpSlotIdIsNotFound() {
        fhir().get("/fhir/r4/Slot/not-a-slot").then().statusCode(404)
                .body("resourceType", org.hamcrest.Matchers.equalTo("OperationOutcome"));
        String unknownType = SlotId.of(java.util.UUID.randomUUID(), Catalogue.RICHMOND, Catalogue.LAWRENCE,
                Instant.parse("2026-12-07T17:15:00Z")).value();
        fhir().get("/fhir/r4/Slot/" + unknownType).then().statusCode(404);
    }

    @Test
    void slotSearchNeedsAServiceType() {
        FhirValidation.assertValid(fhir().queryParam("schedule", SCHEDULE).get("/fhir/r4/Slot").then()
                .statusCode(400).body("issue[0].diagnostics", containsString("service-type")).extract().asString());
    }

    @Test
    void onlyGeAndLtPrefixesAreSupported() {
        fhir().queryParam("service-type", "sports-massage-60").queryParam("start", "gt2026-12-07")
                .get("/fhir/r4/Slot").then().statusCode(400)
                .body("issue[0].code", org.hamcrest.Matchers.equalTo("invalid"));
    }

    @Test
    void aRangeBookingServiceRefusesIsAnOperationOutcomeWithItsReason() {
        Upstreams.reset();
        Catalogue.stub();
        Upstreams.json(get(urlPathEqualTo("/api/v1/availability")), 400,
                Upstreams.problem(400, "must be at most 31 days after from"));
        FhirValidation.assertValid(fhir().queryParam("service-type", "sports-massage-60")
                .queryParam("start", "ge2026-12-01").queryParam("start", "lt2027-03-01")
                .get("/fhir/r4/Slot").then().statusCode(400)
                .body("issue[0].diagnostics", containsString("31 days")).extract().asString());
    }

    @Test
    void withoutScheduleEveryPractitionerAndLocationIsSearched() {
        FhirValidation.assertValid(fhir().queryParam("service-type", "sports-massage-60")
                .queryParam("start", "ge2026-12-07T00:00:00-08:00")
                .queryParam("_count", 1)
                .get("/fhir/r4/Slot").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("entry.size()", org.hamcrest.Matchers.equalTo(1))
                .body("link.relation", org.hamcrest.Matchers.equalTo(List.of("self", "first", "next", "last")))
                .extract().asString());
        Upstreams.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/availability"))
                .withoutQueryParam("location").withoutQueryParam("practitioner")
                .withQueryParam("to", equalTo("2026-12-14T08:00:00Z")));
    }
}
