package ca.bim.clinic.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.InstanceUtils;

class ViolationProblemTest {

    @Test
    void oneViolationIsABadRequestWithTheBeanValidationShape() {
        HttpProblem problem = ViolationProblem.of("start", ViolationProblem.IN_BODY, "must be a date-time");

        assertThat(problem.getStatusCode()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("Bad Request");
        assertThat(problem.getDetail()).isEqualTo("start must be a date-time");
        assertThat(problem.getParameters().get("violations"))
                .isEqualTo(List.of(Map.of("field", "start", "in", "body", "message", "must be a date-time")));
    }

    @Test
    void aWholeBodyViolationHasAnEmptyFieldAndTheMessageAsDetail() {
        HttpProblem problem = ViolationProblem.of("", ViolationProblem.IN_BODY, "must be a JSON object");

        assertThat(problem.getDetail()).isEqualTo("must be a JSON object");
        assertThat(problem.getParameters().get("violations"))
                .isEqualTo(List.of(Map.of("field", "", "in", "body", "message", "must be a JSON object")));
    }

    @Test
    void instanceIsThePathWithControlCharactersEscaped() {
        HttpProblem problem = ViolationProblem.builder()
                .violation("q", ViolationProblem.IN_QUERY, "bad")
                .instance("/api/v1/injuries/\u0000")
                .build();

        assertThat(InstanceUtils.instanceToPath(problem.getInstance())).isEqualTo("/api/v1/injuries/%00");
    }

    @Test
    void violationsKeepTheirOrder() {
        HttpProblem problem = ViolationProblem.builder()
                .violation("b", ViolationProblem.IN_QUERY, "second letter")
                .violation("a", ViolationProblem.IN_QUERY, "first letter")
                .build();

        @SuppressWarnings("unchecked")
        List<Map<String, String>> violations = (List<Map<String, String>>) problem.getParameters().get("violations");
        assertThat(violations).extracting(v -> v.get("field")).containsExactly("b", "a");
        assertThat(violations.get(0).keySet()).containsExactly("field", "in", "message");
    }
}
