package ca.bim.clinic.injury.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.injury.domain.Slugs;

@Schema(description = "The editable content of a technique")
public record TechniqueRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Stable identifier; cannot change after creation", examples = "cupping") String slug,
        @NotBlank @Size(max = 120) @Schema(examples = "Cupping") String name,
        @NotBlank @Size(max = 2000) String description) {
}
