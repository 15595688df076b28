package ca.bim.clinic.common.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import ca.bim.clinic.common.rest.NulFreeStrings;

/** Real Jackson failures, described in our words with the field named. */
class JsonBodyErrorsTest {

    record Treatment(String technique, int minutes) {
    }

    record Booking(UUID clientId, Instant start, List<Treatment> treatments) {
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ViolationProblem.Violation failureOf(String json) {
        JsonProcessingException error = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, Booking.class));
        assertThat(error).as("Jackson should reject %s", json).isNotNull();
        return JsonBodyErrors.describe(error);
    }

    @Test
    void anArrayWhereAnObjectBelongsBlamesTheWholeBody() {
        ViolationProblem.Violation violation = failureOf("[1, 2]");
        assertThat(violation.field()).isEmpty();
        assertThat(violation.in()).isEqualTo("body");
        assertThat(violation.message()).isEqualTo("must be a JSON object");
    }

    @Test
    void aStringOrANumberWhereAnObjectBelongsBlamesTheWholeBody() {
        assertThat(failureOf("\"text\"").message()).isEqualTo("must be a JSON object");
        assertThat(failureOf("42").field()).isEmpty();
    }

    @Test
    void aWrongFieldTypeNamesTheField() {
        ViolationProblem.Violation violation = failureOf("{\"start\": {\"nested\": true}}");
        assertThat(violation.field()).isEqualTo("start");
        assertThat(violation.message()).startsWith("must be an ISO-8601 date-time");
    }

    @Test
    void anUnparseableValueNamesTheFieldWithoutQuotingIt() {
        ViolationProblem.Violation violation = failureOf("{\"clientId\": \"secret-not-a-uuid\"}");
        assertThat(violation.field()).isEqualTo("clientId");
        assertThat(violation.message()).isEqualTo("must be a UUID string").doesNotContain("secret");
    }

    @Test
    void aNestedFieldIsNamedWithItsIndex() {
        ViolationProblem.Violation violation = failureOf("{\"treatments\": [{\"minutes\": \"long\"}]}");
        assertThat(violation.field()).isEqualTo("treatments[0].minutes");
        assertThat(violation.message()).isEqualTo("must be a whole number in range");
    }

    @Test
    void anUnknownFieldIsNamed() {
        ViolationProblem.Violation violation = failureOf("{\"clientld\": null}");
        assertThat(violation.field()).isEqualTo("clientld");
        assertThat(violation.message()).isEqualTo("is not a known field");
    }

    @Test
    void malformedJsonGivesItsPositionAndQuotesNothing() {
        ViolationProblem.Violation violation = failureOf("{\"start\": nonsense-token}");
        assertThat(violation.field()).isEmpty();
        assertThat(violation.message()).startsWith("is not well-formed JSON (line 1, column")
                .doesNotContain("nonsense");
    }

    @Test
    void aNulCharacterInANestedStringIsNamedOnceStringsAreCheckedOnRead() {
        new NulFreeStrings().customize(mapper);

        ViolationProblem.Violation violation = failureOf("{\"treatments\": [{\"technique\": \"cup\\u0000ping\"}]}");

        assertThat(violation.field()).isEqualTo("treatments[0].technique");
        assertThat(violation.message()).isEqualTo("must not contain the NUL character (U+0000)");
    }

    @Test
    void otherControlCharactersInBodyStringsAreAccepted() throws Exception {
        new NulFreeStrings().customize(mapper);

        Booking booking = mapper.readValue("{\"treatments\": [{\"technique\": \"line one\\nline two\\t\"}]}",
                Booking.class);

        assertThat(booking.treatments().get(0).technique()).isEqualTo("line one\nline two\t");
    }

    @Test
    void expectedShapesReadLikeJson() {
        assertThat(JsonBodyErrors.expected(String.class)).isEqualTo("a string");
        assertThat(JsonBodyErrors.expected(boolean.class)).isEqualTo("true or false");
        assertThat(JsonBodyErrors.expected(List.class)).isEqualTo("an array");
        assertThat(JsonBodyErrors.expected(Booking.class)).isEqualTo("a JSON object");
    }
}
