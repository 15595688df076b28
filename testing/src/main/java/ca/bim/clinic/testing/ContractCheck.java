package ca.bim.clinic.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Compares the OpenAPI document a running service serves with the one committed beside its code, so a change of
 * the contract is always a reviewed change. Run with {@code -Dopenapi.update=true} to rewrite the committed file.
 */
public final class ContractCheck {

    public static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ContractCheck() {
    }

    public static void assertServedContractIsCommitted() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        try {
            JsonNode actual = JSON.readTree(served);
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(COMMITTED.getParent());
                Files.writeString(COMMITTED, JSON.writeValueAsString(JSON.treeToValue(actual, Object.class)) + "\n");
            }
            assertTrue(Files.exists(COMMITTED), "No committed contract at " + COMMITTED.toAbsolutePath()
                    + "; run the tests once with -Dopenapi.update=true and commit it");
            JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
            assertEquals(committed, actual, "The served OpenAPI document differs from " + COMMITTED
                    + "; review the change and rerun with -Dopenapi.update=true to accept it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The served document names the API and its contact, and declares the realm as its security scheme. */
    public static void assertDescribes(String title) {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(title))
                .body("info.contact.email", notNullValue())
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"));
    }
}
