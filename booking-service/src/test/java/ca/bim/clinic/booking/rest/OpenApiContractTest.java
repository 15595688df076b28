package ca.bim.clinic.booking.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.ContractCheck;
import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class OpenApiContractTest {

    private static final String BOOK = "paths.'/api/v1/appointments'.post.";

    @Test
    void servedContractMatchesTheCommittedOne() {
        ContractCheck.assertServedContractIsCommitted();
    }

    @Test
    void contractDescribesTheApiAndItsSecurityScheme() {
        ContractCheck.assertDescribes("Clinic booking API");
    }

    @Test
    void sharedAnswersAreReferencedNotRepeated() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(BOOK + "operationId", equalTo("bookAppointment"))
                .body(BOOK + "responses.'401'.'$ref'", equalTo("#/components/responses/Unauthorized"))
                .body(BOOK + "responses.'409'.'$ref'", equalTo("#/components/responses/Conflict"))
                .body(BOOK + "responses.'409'.description", startsWith("Not a free slot"))
                .body(BOOK + "responses.'201'.headers.'Idempotent-Replayed'.'$ref'",
                        equalTo("#/components/headers/Idempotent-Replayed"))
                .body(BOOK + "responses.'201'.headers.'RateLimit-Remaining'.'$ref'",
                        equalTo("#/components/headers/RateLimit-Remaining"))
                .body(BOOK + "security[0].keycloak", equalTo(List.of()))
                .body("components.responses.NotFound.content.'application/problem+json'.example.instance",
                        startsWith("/api/v1/"))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"))
                .body("paths.'/api/v1/locations'.get.responses", not(hasKey("401")))
                .body("paths.'/api/v1/locations'.get.responses.'429'.'$ref'",
                        equalTo("#/components/responses/TooManyRequests"));
    }

    @Test
    void aSlotCarriesEveryPropertyABookingRequestRequires() {
        JsonPath contract = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        List<String> slot = contract.getList("components.schemas.SlotResponse.required");
        List<String> booking = contract.getList("components.schemas.BookingRequest.required");
        assertTrue(slot.containsAll(booking), "slot " + slot + " lacks some of " + booking);
        assertTrue(contract.getList("components.schemas.AppointmentResponse.required").contains("status"));
    }
}
