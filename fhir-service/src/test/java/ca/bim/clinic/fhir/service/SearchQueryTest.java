package ca.bim.clinic.fhir.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.fhir.error.FhirProblem;

class SearchQueryTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    static SearchQuery slots(Map<String, List<String>> params) {
        return new SearchQuery("Slot", params, 20, 100);
    }

    @Test
    void dateOnlyBoundsAreMidnightInTheClinicsZoneAcrossDst() {
        SearchQuery.Range range = slots(Map.of("service-type", List.of("x"),
                "start", List.of("ge2026-03-07", "lt2026-03-09"))).range("start", VANCOUVER);
        assertThat(range.from()).contains(OffsetDateTime.parse("2026-03-07T00:00-08:00"));
        assertThat(range.to()).contains(OffsetDateTime.parse("2026-03-09T00:00-07:00"));
    }

    @Test
    void dateTimesKeepTheirOffset() {
        SearchQuery.Range range = slots(Map.of("start", List.of("ge2026-12-07T09:00:00Z")))
                .range("start", VANCOUVER);
        assertThat(range.from()).contains(OffsetDateTime.parse("2026-12-07T09:00:00Z"));
        assertThat(range.to()).isEmpty();
    }

    @Test
    void otherPrefixesAndInvertedRangesAreRefused() {
        assertThatThrownBy(() -> slots(Map.of("start", List.of("le2026-12-07"))).range("start", VANCOUVER))
                .isInstanceOf(FhirProblem.class).hasMessageContaining("ge and lt");
        assertThatThrownBy(() -> slots(Map.of("start", List.of("2026-12-07"))).range("start", VANCOUVER))
                .isInstanceOf(FhirProblem.class);
        assertThatThrownBy(() -> slots(Map.of("start", List.of("ge2026-12-08", "lt2026-12-07")))
                .range("start", VANCOUVER)).isInstanceOf(FhirProblem.class).hasMessageContaining("after");
    }

    @Test
    void unknownParametersAndBadPagingAreRefused() {
        assertThatThrownBy(() -> slots(Map.of("practitioner", List.of("x")))).isInstanceOf(FhirProblem.class)
                .hasMessageContaining("practitioner");
        assertThatThrownBy(() -> slots(Map.of("_count", List.of("101")))).isInstanceOf(FhirProblem.class);
        assertThatThrownBy(() -> slots(Map.of("_page", List.of("-1")))).isInstanceOf(FhirProblem.class);
        assertThatThrownBy(() -> slots(Map.of("_format", List.of("xml"))))
                .isInstanceOfSatisfying(FhirProblem.class, p -> assertThat(p.status()).isEqualTo(406));
    }

    @Test
    void tokensMayNameTheClinicsSystemOrNone() {
        SearchQuery query = slots(Map.of("service-type", List.of(
                Resources.APPOINTMENT_TYPE_SYSTEM + "|sports-massage-60,|massage-therapy-60,kinesiology-assessment-60")));
        assertThat(query.codes("service-type", Resources.APPOINTMENT_TYPE_SYSTEM))
                .containsExactly("sports-massage-60", "massage-therapy-60", "kinesiology-assessment-60");
        assertThatThrownBy(() -> slots(Map.of("service-type", List.of("http://snomed.info/sct|123")))
                .codes("service-type", Resources.APPOINTMENT_TYPE_SYSTEM)).isInstanceOf(FhirProblem.class);
    }

    @Test
    void referencesMayBeRelativeOrBareButOfTheRightType() {
        SearchQuery query = slots(Map.of("schedule", List.of("Schedule/a.richmond,b.vancouver")));
        assertThat(query.references("schedule", "Schedule")).containsExactly("a.richmond", "b.vancouver");
        assertThatThrownBy(() -> slots(Map.of("schedule", List.of("Location/x"))).references("schedule", "Schedule"))
                .isInstanceOf(FhirProblem.class);
    }

    @Test
    void pagingLinksKeepTheCriteria() {
        SearchQuery query = slots(Map.of("service-type", List.of("sports-massage-60"), "_count", List.of("5"),
                "_page", List.of("2")));
        assertThat(Bundles.link("https://x/fhir/r4", query, 3))
                .isEqualTo("https://x/fhir/r4/Slot?service-type=sports-massage-60&_count=5&_page=3");
    }
}
