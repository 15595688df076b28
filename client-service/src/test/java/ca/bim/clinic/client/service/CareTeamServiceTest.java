package ca.bim.clinic.client.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.domain.CareSource;
import ca.bim.clinic.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** The entry point booking events will use, called outside any HTTP request. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class CareTeamServiceTest {

    @Inject
    CareTeamService careTeam;

    @Test
    void aBookingPutsTheTherapistInCareAndIsLoggedAsBookingService() {
        String alice = Tokens.of("alice", UUID.randomUUID().toString(), "client");
        String clientId = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Alice\", \"lastName\": \"Runner\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String aubrey = Tokens.of("aubrey", UUID.randomUUID().toString(), "therapist");
        given().auth().oauth2(aubrey).get("/api/v1/clients/{id}/notes", clientId).then().statusCode(403);

        assertThat(careTeam.add(UUID.fromString(clientId), "aubrey", CareSource.booking)).isTrue();
        assertThat(careTeam.add(UUID.fromString(clientId), "aubrey", CareSource.booking)).isFalse();

        given().auth().oauth2(aubrey).get("/api/v1/clients/{id}/notes", clientId).then().statusCode(200);
        given().auth().oauth2(alice).get("/api/v1/clients/{id}/care-team", clientId)
                .then().statusCode(200).body("[0].source", equalTo("booking"))
                .body("[0].addedBy", equalTo("booking-service"));
        given().auth().oauth2(alice).queryParam("size", 100).get("/api/v1/clients/{id}/access-log", clientId)
                .then().statusCode(200)
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.actor", equalTo("booking-service"))
                .body("items.find { it.resource == 'care-team' && it.action == 'add' }.actorRole", equalTo("service"));
    }

    @Test
    void anUnknownClientIsRefused() {
        assertThatThrownBy(() -> careTeam.add(UUID.randomUUID(), "aubrey", CareSource.booking))
                .isInstanceOf(NotFoundException.class);
    }
}
