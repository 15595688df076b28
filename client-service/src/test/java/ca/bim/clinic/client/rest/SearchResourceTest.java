package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.rest.Fixtures.Account;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class SearchResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A last name no other test uses, so searches see only this test's clients. */
    private static String uniqueName() {
        String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        return "Zz" + letters.substring(0, Math.min(8, letters.length())) + "q";
    }

    private static Account walkIn(String lastName, String email, String phone, String dateOfBirth) {
        String id = as(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body("""
                        {"firstName": "Casey", "lastName": "%s", "email": "%s", "phone": "%s", "dateOfBirth": "%s"}
                        """.formatted(lastName, email, phone, dateOfBirth))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        return new Account(null, id);
    }

    @Test
    void lastNamePrefixMatchesCaseInsensitively() {
        String name = uniqueName();
        Account one = walkIn(name + "son", "a@example.com", "604-555-0001", "1980-01-01");
        Account two = walkIn(name + "berg", "b@example.com", "604-555-0002", "1981-01-01");
        walkIn("Other" + name, "c@example.com", "604-555-0003", "1982-01-01");
        as(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body("{\"lastName\": \"%s\"}".formatted(name.toUpperCase(Locale.ROOT)))
                .post("/api/v1/clients/search")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", contains(two.id(), one.id()));
    }

    @Test
    void emailPhoneDigitsAndDateOfBirthNarrowTheSearch() {
        String name = uniqueName();
        Account target = walkIn(name, "Casey.Target@Example.com", "(604) 555-0123", "1975-06-30");
        walkIn(name, "someone@example.com", "604-555-9999", "1990-01-01");
        as(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"lastName\": \"%s\", \"email\": \"casey.target@example.com\"}".formatted(name))
                .post("/api/v1/clients/search")
                .then().statusCode(200).body("items.id", contains(target.id()));
        as(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"lastName\": \"%s\", \"phone\": \"604 555 0123\"}".formatted(name))
                .post("/api/v1/clients/search")
                .then().statusCode(200).body("items.id", contains(target.id()));
        as(Fixtures.admin()).contentType(ContentType.JSON)
                .body("{\"lastName\": \"%s\", \"dateOfBirth\": \"1975-06-30\"}".formatted(name))
                .post("/api/v1/clients/search")
                .then().statusCode(200).body("items.id", contains(target.id()));
    }

    @Test
    void resultsArePaginated() {
        String name = uniqueName();
        for (int i = 0; i < 3; i++) {
            walkIn(name, "p" + i + "@example.com", "604-555-010" + i, "1985-01-0" + (i + 1));
        }
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).queryParam("size", 2).queryParam("page", 1)
                .body("{\"lastName\": \"%s\"}".formatted(name))
                .post("/api/v1/clients/search")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
    }

    @Test
    void archivedClientsOnlyWhenAskedFor() {
        String name = uniqueName();
        Account archived = walkIn(name, "x@example.com", "604-555-0100", "1970-01-01");
        as(Fixtures.frontDesk()).post("/api/v1/clients/{id}/archive", archived.id()).then().statusCode(200);
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body("{\"lastName\": \"%s\"}".formatted(name))
                .post("/api/v1/clients/search").then().statusCode(200).body("totalItems", equalTo(0));
        as(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body("{\"lastName\": \"%s\", \"includeArchived\": true}".formatted(name))
                .post("/api/v1/clients/search").then().statusCode(200).body("items.id", contains(archived.id()));
    }

    @Test
    void wildcardsInTheNameAreLiteral() {
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body("{\"lastName\": \"%\"}")
                .post("/api/v1/clients/search").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void searchWithoutCriteriaOrWithBadFieldsIsBadRequest() {
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/clients/search")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).body("{\"email\": \"nope\", \"phone\": \"x\"}")
                .post("/api/v1/clients/search")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("email", "phone"));
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).queryParam("size", 1000)
                .body("{\"lastName\": \"a\"}")
                .post("/api/v1/clients/search").then().statusCode(400);
    }

    @Test
    void onlyFrontDeskAndAdminSearch() {
        String body = "{\"lastName\": \"Runner\"}";
        as(Fixtures.newClient().token()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clients/search").then().statusCode(403);
        as(Fixtures.therapist(LAWRENCE)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clients/search").then().statusCode(403);
        as(Fixtures.partner()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clients/search").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/clients/search").then().statusCode(401);
    }

    @Test
    void eachClientFoundIsRecordedInTheirAccessLog() {
        String name = uniqueName();
        Account found = walkIn(name, "f@example.com", "604-555-0200", "1979-01-01");
        as(Fixtures.frontDesk()).contentType(ContentType.JSON).header("X-Request-Id", "search-request-0001")
                .body("{\"lastName\": \"%s\"}".formatted(name))
                .post("/api/v1/clients/search").then().statusCode(200);
        as(Fixtures.admin()).get("/api/v1/clients/{id}/access-log", found.id())
                .then().statusCode(200)
                .body("items.find { it.action == 'search' }.actor", equalTo("fran"))
                .body("items.find { it.action == 'search' }.actorRole", equalTo("front-desk"))
                .body("items.find { it.action == 'search' }.requestId", equalTo("search-request-0001"))
                .body("items.action", hasItem("create"));
    }
}
