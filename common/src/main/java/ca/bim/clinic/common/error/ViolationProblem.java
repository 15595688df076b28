package ca.bim.clinic.common.error;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * The one way to build a 400 problem that lists what is wrong with the request, in the shape bean-validation failures
 * already have: {@code violations: [{field, in, message}]}. Clients then read every input error the same way, whether
 * it came from a constraint, an unreadable body or a malformed parameter.
 */
public final class ViolationProblem {

    /** Where the offending value was: the names bean-validation problems use. */
    public static final String IN_BODY = "body";
    public static final String IN_QUERY = "query";
    public static final String IN_PATH = "path";
    public static final String IN_HEADER = "header";

    /** One offending value; {@code field} is empty when the whole body (or request) is at fault. */
    public record Violation(String field, String in, String message) {
    }

    private final List<Violation> violations = new ArrayList<>();
    private String detail;
    private URI instance;

    private ViolationProblem() {
    }

    public static ViolationProblem builder() {
        return new ViolationProblem();
    }

    /** The usual case: one value is wrong; the detail repeats it in a sentence. */
    public static HttpProblem of(String field, String in, String message) {
        return builder().violation(field, in, message).detail(field.isEmpty() ? message : field + " " + message).build();
    }

    public ViolationProblem detail(String detail) {
        this.detail = detail;
        return this;
    }

    /** A path to report as {@code instance}; control characters are escaped so nothing raw is echoed. */
    public ViolationProblem instance(String path) {
        this.instance = path == null ? null : ControlCharacters.toInstance(path);
        return this;
    }

    public ViolationProblem violation(String field, String in, String message) {
        violations.add(new Violation(field == null ? "" : field, in, message));
        return this;
    }

    /** Bean Validation failures of a body, in field order, as {@code @Valid} would report them. */
    public ViolationProblem bodyViolations(Collection<? extends ConstraintViolation<?>> failures) {
        failures.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> violation(v.getPropertyPath().toString(), IN_BODY, v.getMessage()));
        return this;
    }

    public ViolationProblem violations(List<Violation> more) {
        violations.addAll(more);
        return this;
    }

    public HttpProblem build() {
        List<Map<String, String>> listed = violations.stream().map(ViolationProblem::asMap).toList();
        HttpProblem.Builder problem = HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail)
                .with("violations", listed);
        if (instance != null) {
            problem.withInstance(instance);
        }
        return problem.build();
    }

    public Response toResponse() {
        return build().toResponse();
    }

    private static Map<String, String> asMap(Violation violation) {
        // Ordered keys, so the JSON reads field, in, message like the bean-validation problems.
        Map<String, String> map = new LinkedHashMap<>();
        map.put("field", violation.field());
        map.put("in", violation.in());
        map.put("message", violation.message());
        return map;
    }
}
