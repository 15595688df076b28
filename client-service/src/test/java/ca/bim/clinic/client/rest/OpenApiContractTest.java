package ca.bim.clinic.client.rest;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.ContractCheck;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class OpenApiContractTest {

    @Test
    void servedContractMatchesTheCommittedOne() {
        ContractCheck.assertServedContractIsCommitted();
    }

    @Test
    void contractDescribesTheApiAndItsSecurityScheme() {
        ContractCheck.assertDescribes("Clinic client records API");
    }
}
