package ca.bim.clinic.booking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.ContractCheck;
import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class OpenApiContractTest {

    @Test
    void servedContractMatchesTheCommittedOne() {
        ContractCheck.assertServedContractIsCommitted();
    }

    @Test
    void contractDescribesTheApiAndItsSecurityScheme() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Clinic booking API"))
                .body("info.contact.email", notNullValue())
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"));
    }
}
