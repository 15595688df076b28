package ca.bim.clinic.fhir.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the FHIR view (FHIR_BASE_URL, ...). */
@ConfigMapping(prefix = "fhir")
public interface FhirConfig {

    /** The endpoint's public base as partners reach it, e.g. https://api.example/fhir/r4 (no trailing slash). */
    String baseUrl();

    /** Zone of date-only search values such as {@code start=ge2026-12-07}: the clinics' zone. */
    @WithDefault("America/Vancouver")
    ZoneId zone();

    /** Entries per page of a search unless {@code _count} asks for fewer. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest {@code _count} honoured (booking-service's own page limit). */
    @WithDefault("100")
    int maxPageSize();
}
