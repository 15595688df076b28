package ca.bim.clinic.injury.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The two answers of `If-Match` editing, 412 (stale tag) and 428 (no tag): a resource declares the code with its
 * own description, this gives each the problem body and its example once.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PreconditionAnswers implements OASFilter {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    /** Status code -> the example's name and body. */
    private static final Map<String, Map.Entry<String, String>> EXAMPLES = Map.of(
            "412", Map.entry("stale", ApiExamples.PRECONDITION_FAILED),
            "428", Map.entry("no If-Match", ApiExamples.PRECONDITION_REQUIRED));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().values().stream()
                    .filter(operation -> operation.getResponses() != null
                            && operation.getResponses().getAPIResponses() != null)
                    .forEach(operation -> operation.getResponses().getAPIResponses().forEach(this::withProblem));
        }
    }

    private void withProblem(String code, APIResponse response) {
        Map.Entry<String, String> example = EXAMPLES.get(code);
        if (example == null || response.getRef() != null) {
            return;
        }
        // The problem extension may have given the answer a problem body, one instance shared by several answers:
        // each gets its own copy with its own example.
        Content declared = response.getContent();
        MediaType problem = declared == null ? null : declared.getMediaType(PROBLEM_JSON);
        if (problem != null && problem.getExamples() != null && !problem.getExamples().isEmpty()) {
            return;
        }
        Content content = OASFactory.createContent();
        if (declared != null && declared.getMediaTypes() != null) {
            declared.getMediaTypes().forEach(content::addMediaType);
        }
        content.addMediaType(PROBLEM_JSON, OASFactory.createMediaType()
                .schema(problem != null && problem.getSchema() != null ? problem.getSchema()
                        : OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                .addExample(example.getKey(), OASFactory.createExample().value(json(example.getValue()))));
        response.setContent(content);
    }

    private static Object json(String text) {
        try {
            return new ObjectMapper().readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ApiExamples holds invalid JSON", e);
        }
    }
}
