package ca.bim.clinic.client.rest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import ca.bim.clinic.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Tokens for every role and fresh client records, so that tests share no state. */
final class Fixtures {

    static final String LAWRENCE = "lawrence";
    static final String AUBREY = "aubrey";

    private Fixtures() {
    }

    /** A client account with its own profile. */
    record Account(String token, String id) {
    }

    static Account newClient() {
        return newClient("Runner");
    }

    static Account newClient(String lastName) {
        String token = Tokens.of("alice", UUID.randomUUID().toString(), "client");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"firstName": "Alice", "lastName": "%s", "email": "alice@example.com",
                         "phone": "604-555-0101", "dateOfBirth": "1990-04-12"}
                        """.formatted(lastName))
                .post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        return new Account(token, id);
    }

    /** A client account without a profile of its own: "another client". */
    static String otherClient() {
        return Tokens.of("bob", UUID.randomUUID().toString(), "client");
    }

    static String therapist(String username) {
        return Tokens.of(username, subjectOf(username), "therapist");
    }

    static String frontDesk() {
        return Tokens.of("fran", subjectOf("fran"), "front-desk");
    }

    static String admin() {
        return Tokens.of("andrea", subjectOf("andrea"), "admin");
    }

    static String partner() {
        return Tokens.of("partner-demo", subjectOf("partner-demo"), "partner");
    }

    /** booking-service's service account: the client-service client roles the realm grants it. */
    static String bookingService() {
        return Tokens.of("service-account-booking-service", subjectOf("service-account-booking-service"),
                "booking-events:write", "client-standing:read");
    }

    /** A service account holding only the given client-service roles (none: any other service's token). */
    static String serviceWith(String... roles) {
        return Tokens.of("service-account-other", subjectOf("service-account-other"), roles);
    }

    /** A user token issued through the booking-service client (azp booking-service) with a realm role only. */
    static String userTokenViaBookingService() {
        return Jwt.claims()
                .issuer("https://server.example.com")
                .audience(Tokens.AUDIENCE)
                .subject(UUID.randomUUID().toString())
                .preferredUserName("mallory")
                .groups(java.util.Set.of("partner"))
                .claim("azp", "booking-service")
                .claim("typ", "Bearer")
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** An admin's explicit care grant for the therapist with this username (by their subject). */
    static void putInCare(String clientId, String therapist) {
        given().auth().oauth2(admin()).put("/api/v1/clients/{id}/care-team/{t}", clientId, subjectOf(therapist))
                .then().statusCode(204);
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** The stable subject the mock realm gives a username. */
    static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }
}
