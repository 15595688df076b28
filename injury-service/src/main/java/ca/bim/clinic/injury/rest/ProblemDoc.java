package ca.bim.clinic.injury.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documentation only: the RFC 9457 problem details every error of this API carries. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record ProblemDoc(
        @Schema(examples = "about:blank") String type,
        @Schema(examples = "Not Found") String title,
        @Schema(examples = "404") int status,
        @Schema(examples = "No published injury entry 'broken-leg'") String detail,
        @Schema(examples = "/api/v1/injuries/broken-leg") String instance,
        @Schema(description = "Present on validation errors (400)") List<Violation> violations) {

    @Schema(name = "Violation")
    public record Violation(@Schema(examples = "name") String field, @Schema(examples = "must not be blank") String message) {
    }
}
