package ca.bim.clinic.booking.rest;

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
        ContractCheck.assertDescribes("Clinic booking API");
    }
}
