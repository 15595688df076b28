package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** GET /api/v1/injuries/{slug}/care-options composed from injury- and booking-service. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class CareOptionsTest {

    static final String PATH = "/api/v1/injuries/hamstring-strain/care-options";

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/hamstring-strain").willReturn(okJson("""
                {"slug":"hamstring-strain","name":"Hamstring strain","summary":"A tear of the muscles behind the thigh.",
                 "recommendedAppointmentTypes":["sports-massage-60","kinesiology-assessment"]}""")));
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/unknown").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        StubUpstreams.booking().stubFor(get("/api/v1/appointment-types/sports-massage-60").willReturn(okJson("""
                {"code":"sports-massage-60","name":"Sports massage, 60 minutes","durationMinutes":60,
                 "priceCad":120.00,"currency":"CAD"}""")));
        StubUpstreams.booking().stubFor(get("/api/v1/appointment-types/kinesiology-assessment").willReturn(okJson("""
                {"code":"kinesiology-assessment","name":"Kinesiology assessment","durationMinutes":75,
                 "priceCad":150,"currency":"CAD"}""")));
        StubUpstreams.booking().stubFor(get(urlPathEqualTo("/api/v1/locations")).willReturn(okJson("""
                {"items":[{"id":"0b7a6f0e-1111-4c61-9a4b-4f1f3f3b0001","code":"richmond","name":"Richmond"},
                          {"id":"0b7a6f0e-2222-4c61-9a4b-4f1f3f3b0002","code":"vancouver","name":"Vancouver"}],
                 "page":0,"size":100,"totalItems":2,"totalPages":1}""")));
        StubUpstreams.booking().stubFor(get(urlPathEqualTo("/api/v1/availability")).willReturn(okJson("""
                {"items":[
                  {"practitionerId":"p-2","practitionerName":"Aubrey Morrison","locationId":"l","locationCode":"x",
                   "start":"2026-12-02T18:00:00Z","end":"2026-12-02T19:00:00Z"},
                  {"practitionerId":"p-1","practitionerName":"Lawrence Lam","locationId":"l","locationCode":"x",
                   "start":"2026-12-01T17:00:00Z","end":"2026-12-01T18:00:00Z"},
                  {"practitionerId":"p-1","practitionerName":"Lawrence Lam","locationId":"l","locationCode":"x",
                   "start":"2026-12-03T17:00:00Z","end":"2026-12-03T18:00:00Z"},
                  {"practitionerId":"p-1","practitionerName":"Lawrence Lam","locationId":"l","locationCode":"x",
                   "start":"2026-12-01T19:00:00Z","end":"2026-12-01T20:00:00Z"}],"totalItems":4}""")));
    }

    @Test
    void composesInjuryTypesAndNextSlotsPerLocation() {
        given().get(PATH).then().statusCode(200).contentType("application/json")
                .body("injury.slug", is("hamstring-strain"))
                .body("injury.summary", is("A tear of the muscles behind the thigh."))
                .body("availability.status", is("available"))
                .body("appointmentTypes.code", contains("sports-massage-60", "kinesiology-assessment"))
                .body("appointmentTypes[0].name", is("Sports massage, 60 minutes"))
                .body("appointmentTypes[0].durationMinutes", is(60))
                .body("appointmentTypes[0].priceCad", is(120.0f))
                .body("appointmentTypes[0].currency", is("CAD"))
                .body("appointmentTypes[1].durationMinutes", is(75))
                .body("appointmentTypes[0].locations.locationCode", contains("richmond", "vancouver"))
                .body("appointmentTypes[0].locations[0].locationName", is("Richmond"))
                .body("appointmentTypes[0].locations[0].nextSlots", hasSize(3))
                .body("appointmentTypes[0].locations[0].nextSlots.start",
                        contains("2026-12-01T17:00:00Z", "2026-12-01T19:00:00Z", "2026-12-02T18:00:00Z"))
                .body("appointmentTypes[0].locations[0].nextSlots[0].practitionerName", is("Lawrence Lam"));
    }

    @Test
    void withoutACourseNoTypeOffersASeries() {
        given().get(PATH).then().statusCode(200)
                .body("appointmentTypes", hasSize(2))
                .body("appointmentTypes.findAll { it.containsKey('series') }", hasSize(0));
    }

    @Test
    void aRecommendedCourseIsOfferedAsASeriesStartingAtEachLocationsFirstFreeSlot() {
        withCourse("{\"sessions\":6,\"recurrence\":\"weekly\"}");
        given().get(PATH).then().statusCode(200)
                .body("appointmentTypes[0].series.recurrence", is("weekly"))
                .body("appointmentTypes[0].series.count", is(6))
                .body("appointmentTypes[0].series.locations.locationCode", contains("richmond", "vancouver"))
                .body("appointmentTypes[0].series.locations[0].firstStart", is("2026-12-01T17:00:00Z"))
                .body("appointmentTypes[0].series.locations[0].practitionerName", is("Lawrence Lam"))
                .body("appointmentTypes[0].series.locations[0].request", is(Map.of("appointmentType",
                        "sports-massage-60", "practitionerId", "p-1", "locationCode", "richmond", "firstStart",
                        "2026-12-01T17:00:00Z", "recurrence", "weekly", "count", 6)))
                .body("appointmentTypes[1].series.locations[1].request.appointmentType", is("kinesiology-assessment"))
                .body("appointmentTypes[1].series.locations[1].request.locationCode", is("vancouver"));
    }

    @Test
    void aLocationWithoutAFreeSlotHasNoSeriesStart() {
        withCourse("{\"sessions\":4,\"recurrence\":\"every-two-weeks\"}");
        StubUpstreams.booking().stubFor(get(urlPathEqualTo("/api/v1/availability"))
                .withQueryParam("location", equalTo("vancouver")).willReturn(okJson("{\"items\":[],\"totalItems\":0}")));
        given().get(PATH).then().statusCode(200)
                .body("appointmentTypes[0].locations[1].nextSlots", hasSize(0))
                .body("appointmentTypes[0].series.recurrence", is("every-two-weeks"))
                .body("appointmentTypes[0].series.locations.locationCode", contains("richmond"));
    }

    @Test
    void aCourseTheSeriesApiCannotBookIsNotOffered() {
        withCourse("{\"sessions\":20,\"recurrence\":\"weekly\"}");
        given().get(PATH).then().statusCode(200)
                .body("appointmentTypes.findAll { it.containsKey('series') }", hasSize(0));
    }

    @Test
    void withBookingFailingTheCourseIsStillNamedWithoutStarts() {
        withCourse("{\"sessions\":6,\"recurrence\":\"weekly\"}");
        // A 500, not an outage status: the upstream's circuit breaker, shared by the other tests, stays closed.
        StubUpstreams.booking().stubFor(get(urlPathEqualTo("/api/v1/availability"))
                .willReturn(aResponse().withStatus(500)));
        given().get(PATH).then().statusCode(200)
                .body("availability.status", is("unavailable"))
                .body("appointmentTypes.code", contains("sports-massage-60", "kinesiology-assessment"))
                .body("appointmentTypes[0].series.count", is(6))
                .body("appointmentTypes[0].series.locations", hasSize(0));
    }

    @Test
    void searchesTheNextTwoWeeksPerTypeAndLocation() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        given().get(PATH).then().statusCode(200)
                .body("availability.from", is(today.toString()))
                .body("availability.to", is(today.plusDays(13).toString()));
        StubUpstreams.booking().verify(getRequestedFor(urlPathEqualTo("/api/v1/availability"))
                .withQueryParam("appointmentType", equalTo("kinesiology-assessment"))
                .withQueryParam("location", equalTo("vancouver"))
                .withQueryParam("from", equalTo(today.toString()))
                .withQueryParam("to", equalTo(today.plusDays(13).toString())));
        StubUpstreams.booking().verify(4, getRequestedFor(urlPathEqualTo("/api/v1/availability")));
    }

    @Test
    void unknownSlugIsProblem404() {
        given().get("/api/v1/injuries/unknown/care-options").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void slugLongerThanTheContractAllowsIsNotFoundWithoutAskingTheCatalogue() {
        given().get("/api/v1/injuries/" + "a".repeat(201) + "/care-options").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
        StubUpstreams.injury().verify(0, getRequestedFor(urlPathMatching("/api/v1/injuries/a+")));
    }

    @Test
    void injuryServiceUnavailableIsProblem503() {
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/hamstring-strain").willReturn(aResponse().withStatus(503)));
        given().get(PATH).then().statusCode(503).contentType("application/problem+json")
                .body("detail", is("The injury service is unavailable"));
    }

    @Test
    void typeUnknownToBookingIsLeftOut() {
        StubUpstreams.booking().stubFor(get("/api/v1/appointment-types/kinesiology-assessment")
                .willReturn(aResponse().withStatus(404)));
        given().get(PATH).then().statusCode(200)
                .body("availability.status", is("available"))
                .body("appointmentTypes.code", contains("sports-massage-60"));
    }

    @Test
    void availabilityFailureStillReturnsTheInjury() {
        StubUpstreams.booking().stubFor(get(urlPathEqualTo("/api/v1/availability"))
                .willReturn(aResponse().withStatus(500)));
        given().get(PATH).then().statusCode(200)
                .body("injury.name", is("Hamstring strain"))
                .body("availability.status", is("unavailable"))
                .body("appointmentTypes.code", contains("sports-massage-60", "kinesiology-assessment"));
    }

    private static void withCourse(String course) {
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/hamstring-strain").willReturn(okJson("""
                {"slug":"hamstring-strain","name":"Hamstring strain","summary":"A tear of the muscles behind the thigh.",
                 "recommendedAppointmentTypes":["sports-massage-60","kinesiology-assessment"],
                 "recommendedCourse":%s}""".formatted(course))));
    }

    @Test
    void otherMethodsOnTheInjuryPathStillReachInjuryService() {
        StubUpstreams.injury().stubFor(get("/api/v1/injuries/hamstring-strain/other").willReturn(okJson("{\"a\":1}")));
        given().get("/api/v1/injuries/hamstring-strain/other").then().statusCode(200).body("a", is(1));
    }
}
