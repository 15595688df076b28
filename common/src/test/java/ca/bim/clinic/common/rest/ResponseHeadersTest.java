package ca.bim.clinic.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

class ResponseHeadersTest {

    @Test
    void clientAndAppointmentPathsAreClinical() {
        assertThat(ResponseHeaders.isClinical("/api/v1/clients")).isTrue();
        assertThat(ResponseHeaders.isClinical("/api/v1/clients/me")).isTrue();
        assertThat(ResponseHeaders.isClinical("/api/v1/appointments")).isTrue();
        assertThat(ResponseHeaders.isClinical("/api/v1/appointments/1b4e/cancel")).isTrue();
    }

    @Test
    void catalogueAndLookalikePathsAreNotClinical() {
        assertThat(ResponseHeaders.isClinical("/api/v1/injuries/shin-splints")).isFalse();
        assertThat(ResponseHeaders.isClinical("/api/v1/clientsx")).isFalse();
        assertThat(ResponseHeaders.isClinical("/api/v1/appointment-types")).isFalse();
        assertThat(ResponseHeaders.isClinical(null)).isFalse();
    }

    @Test
    void everyAnswerGetsNosniffAndClinicalOnesNoStore() {
        MultiMap catalogue = MultiMap.caseInsensitiveMultiMap().set("Cache-Control", "public, max-age=300");
        ResponseHeaders.apply(catalogue, false);
        assertThat(catalogue.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(catalogue.get("Cache-Control")).isEqualTo("public, max-age=300");

        MultiMap clinical = MultiMap.caseInsensitiveMultiMap().set("Cache-Control", "private");
        ResponseHeaders.apply(clinical, true);
        assertThat(clinical.getAll("Cache-Control")).containsExactly("no-store");
    }
}
