package ca.bim.clinic.injury.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A published work the entry's facts come from, credited by title, publisher and author. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A published work the entry's facts come from")
public record Source(
        @NotBlank @Size(max = 300) @Schema(examples = "How Massage Can Help Common Running Injuries") String title,
        @NotBlank @Size(max = 200) @Schema(examples = "Balance in Motion") String publisher,
        @NotBlank @Size(max = 200) @Schema(examples = "Lawrence Lam, RMT") String author,
        @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        @Schema(description = "Where the work can be read, when known") String url) {
}
