package ca.bim.clinic.fhir.rest;

/** The FHIR JSON media type; plain application/json is accepted and answered too. */
public final class FhirMedia {

    public static final String FHIR_JSON = "application/fhir+json";

    private FhirMedia() {
    }
}
