package ca.bim.clinic.booking.webhooks.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class WebhookResourceTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registrationAnswersTheSecretOnceAndNeverAgain() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        String id = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of("appointment.cancelled", "appointment.booked")))
                .post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo(URL))
                .body("eventTypes", contains("appointment.booked", "appointment.cancelled"))
                .body("status", equalTo("active"))
                .body("secret", nullValue());
        given().auth().oauth2(partner).get("/api/v1/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].secret", nullValue());
    }

    @Test
    void registrationReturnsLocationAndASecret() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        var response = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of("appointment.booked")))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract();
        org.assertj.core.api.Assertions.assertThat(response.header("Location"))
                .endsWith("/api/v1/webhooks/" + response.path("id"));
    }

    @Test
    void partnersSeeOnlyTheirOwnSubscriptionsAndAdminsSeeAll() {
        String mine = Fixtures.partner(Fixtures.unique("partner"));
        String other = Fixtures.partner(Fixtures.unique("partner"));
        String id = Events.register(mine, URL, List.of("appointment.booked")).get("id");
        String theirs = Events.register(other, URL, List.of("appointment.booked")).get("id");

        given().auth().oauth2(mine).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", contains(id));
        for (String path : List.of("/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries")) {
            given().auth().oauth2(mine).get(path, theirs).then().statusCode(404)
                    .contentType(startsWith("application/problem+json"));
        }
        given().auth().oauth2(mine).post("/api/v1/webhooks/{id}/resume", theirs).then().statusCode(404);
        given().auth().oauth2(mine).delete("/api/v1/webhooks/{id}", theirs).then().statusCode(404);
        given().auth().oauth2(Fixtures.admin()).queryParam("size", 100).get("/api/v1/webhooks").then()
                .statusCode(200);
        given().auth().oauth2(Fixtures.admin()).get("/api/v1/webhooks/{id}", theirs).then().statusCode(200);
    }

    @Test
    void onlyPartnersAndAdminsManageWebhooks() {
        var body = Map.of("url", URL, "eventTypes", List.of("appointment.booked"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then().statusCode(401);
        given().get("/api/v1/webhooks").then().statusCode(401);
        for (String token : List.of(Fixtures.frontDesk(), Fixtures.client(Fixtures.unique("alice")),
                Fixtures.therapist("lawrence"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks").then()
                    .statusCode(403);
            given().auth().oauth2(token).get("/api/v1/webhooks").then().statusCode(403);
        }
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201);
    }

    @Test
    void anAccountHoldsAtMostTenWebhooks() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        for (int i = 0; i < 10; i++) {
            Events.register(partner, URL, List.of("appointment.booked"));
        }
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of("appointment.booked")))
                .post("/api/v1/webhooks").then().statusCode(409).contentType(startsWith("application/problem+json"));
    }

    @Test
    void deletedSubscriptionIsGone() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        String id = Events.register(partner, URL, List.of("appointment.booked")).get("id");
        given().auth().oauth2(partner).delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        given().auth().oauth2(partner).get("/api/v1/webhooks/{id}", id).then().statusCode(404);
    }

    @Test
    void unknownEventTypesAndMissingFieldsAreBadRequests() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "eventTypes", List.of("appointment.deleted")))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("violations.field", hasItem(containsString("eventTypes")));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("url", URL, "eventTypes", List.of()))
                .post("/api/v1/webhooks").then().statusCode(400);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("eventTypes",
                List.of("appointment.booked"))).post("/api/v1/webhooks").then().statusCode(400)
                .body("violations.field", hasItem(containsString("url")));
    }

    @Test
    void internalTargetsAreRefusedEvenWhereLoopbackIsAllowed() {
        String partner = Fixtures.partner(Fixtures.unique("partner"));
        for (String url : List.of("http://10.0.0.8/hook", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.20/hook", "ftp://127.0.0.1/hook", "http://user:pw@127.0.0.1/hook")) {
            given().auth().oauth2(partner).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of("appointment.booked")))
                    .post("/api/v1/webhooks").then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", not(containsString("Exception")));
        }
    }
}
