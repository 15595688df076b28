package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.AUBREY;
import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class AccessLogResourceTest {

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The entries of a client's log written under one request id. */
    private static List<Map<String, Object>> entriesOf(Account client, String requestId) {
        return as(Fixtures.admin()).queryParam("size", 100).get("/api/v1/clients/{id}/access-log", client.id())
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.requestId == '" + requestId + "' }");
    }

    @Test
    void aReadIsLoggedWithWhoWhatAndTheRequestId() {
        Account alice = Fixtures.newClient();
        as(alice.token()).header("X-Request-Id", "gateway-req-0001").get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200).header("X-Request-Id", "gateway-req-0001");
        assertThat(entriesOf(alice, "gateway-req-0001")).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "alice").containsEntry("actorRole", "client")
                    .containsEntry("action", "read").containsEntry("resource", "profile")
                    .containsEntry("outcome", "allowed");
            assertThat(entry.get("occurredAt")).isNotNull();
        });
    }

    @Test
    void aRefusedReadIsLoggedToo() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(Fixtures.therapist(AUBREY)).header("X-Request-Id", "denied-req-0001")
                .get("/api/v1/clients/{id}/intake", alice.id()).then().statusCode(403);
        as(Fixtures.frontDesk()).header("X-Request-Id", "denied-req-0002")
                .get("/api/v1/clients/{id}/notes", alice.id()).then().statusCode(403);
        as(Fixtures.otherClient()).header("X-Request-Id", "denied-req-0003")
                .get("/api/v1/clients/{id}", alice.id()).then().statusCode(404);
        assertThat(entriesOf(alice, "denied-req-0001")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("actor", AUBREY).containsEntry("actorRole", "therapist")
                .containsEntry("resource", "intake").containsEntry("outcome", "denied"));
        assertThat(entriesOf(alice, "denied-req-0002")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("actor", "fran").containsEntry("resource", "notes").containsEntry("outcome", "denied"));
        assertThat(entriesOf(alice, "denied-req-0003")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("actor", "bob").containsEntry("actorRole", "client")
                .containsEntry("outcome", "denied"));
    }

    @Test
    void everyChangeIsLoggedWithItsAction() {
        Account alice = Fixtures.newClient();
        as(alice.token()).header("X-Request-Id", "change-req-0001").contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id()).then().statusCode(200);
        as(alice.token()).header("X-Request-Id", "change-req-0002").contentType(ContentType.JSON)
                .body(IntakeResourceTest.INTAKE).put("/api/v1/clients/{id}/intake", alice.id())
                .then().statusCode(201);
        as(alice.token()).header("X-Request-Id", "change-req-0003").contentType(ContentType.JSON)
                .body("{\"consent\": \"treatment\", \"action\": \"grant\"}")
                .post("/api/v1/clients/{id}/consents", alice.id()).then().statusCode(201);
        assertThat(entriesOf(alice, "change-req-0001")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "update").containsEntry("resource", "profile"));
        assertThat(entriesOf(alice, "change-req-0002")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "update").containsEntry("resource", "intake"));
        assertThat(entriesOf(alice, "change-req-0003")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "grant").containsEntry("resource", "consents"));
    }

    @Test
    void aChangeThatFailsLeavesNoAllowedEntry() {
        Account alice = Fixtures.newClient();
        as(alice.token()).header("X-Request-Id", "stale-req-0001").contentType("application/merge-patch+json")
                .header("If-Match", "\"7\"").body("{\"preferredName\": \"Al\"}")
                .patch("/api/v1/clients/{id}", alice.id()).then().statusCode(412);
        assertThat(entriesOf(alice, "stale-req-0001")).isEmpty();
    }

    @Test
    void withoutAGatewayIdTheServiceMakesOneAndReturnsIt() {
        Account alice = Fixtures.newClient();
        String requestId = as(alice.token()).header("X-Request-Id", "bad id\twith spaces")
                .get("/api/v1/clients/{id}", alice.id())
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        assertThat(entriesOf(alice, requestId)).hasSize(1);
    }

    @Test
    void clientAndAdminReadTheLogOthersDoNot() {
        Account alice = Fixtures.newClient();
        Fixtures.putInCare(alice.id(), LAWRENCE);
        as(alice.token()).get("/api/v1/clients/{id}/access-log", alice.id())
                .then().statusCode(200)
                .body("items[0].action", equalTo("read"))
                .body("items[0].resource", equalTo("access-log"))
                .body("totalItems", notNullValue());
        as(Fixtures.admin()).get("/api/v1/clients/{id}/access-log", alice.id()).then().statusCode(200);
        as(Fixtures.frontDesk()).get("/api/v1/clients/{id}/access-log", alice.id()).then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).get("/api/v1/clients/{id}/access-log", alice.id()).then().statusCode(403);
        as(Fixtures.otherClient()).get("/api/v1/clients/{id}/access-log", alice.id()).then().statusCode(404);
        given().get("/api/v1/clients/{id}/access-log", alice.id()).then().statusCode(401);
    }

    @Test
    void theLogIsAppendOnly() {
        Account alice = Fixtures.newClient();
        UUID clientId = UUID.fromString(alice.id());
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM access_log WHERE client_id = ?1")
                .setParameter(1, clientId).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }
}
