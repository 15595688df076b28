package ca.bim.clinic.fhir.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.fhir.support.Upstreams;
import ca.bim.clinic.testing.ContractCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(Upstreams.class)
class OpenApiContractTest {

    @Test
    void servedContractMatchesTheCommittedOne() {
        ContractCheck.assertServedContractIsCommitted();
    }

    @Test
    void contractDescribesTheApiAndItsSecurityScheme() {
        ContractCheck.assertDescribes("Clinic FHIR R4 API");
    }

    /** The FHIR interactions are FHIR's to describe: the contract points to the CapabilityStatement only. */
    @Test
    void contractPointsToTheCapabilityStatement() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", aMapWithSize(1))
                .body("paths", hasKey("/fhir/r4/metadata"))
                .body("paths.'/fhir/r4/metadata'.get.description", containsString("application/fhir+json"));
    }
}
