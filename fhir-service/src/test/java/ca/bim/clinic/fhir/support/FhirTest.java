package ca.bim.clinic.fhir.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as a FHIR client sends them. */
public final class FhirTest {

    public static final String FHIR_JSON = "application/fhir+json";

    private FhirTest() {
    }

    public static RequestSpecification fhir() {
        return given().accept(FHIR_JSON);
    }

    public static RequestSpecification fhir(String token) {
        return fhir().auth().oauth2(token);
    }
}
