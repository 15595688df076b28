package ca.bim.clinic.injury.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One way an injury is treated: the technique (by slug) and what it does for this injury. */
@Schema(description = "A treatment of the injury: the technique it uses and what it does here")
public record Treatment(
        @NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Slug of a technique of /api/v1/techniques", examples = "myofascial-release") String technique,
        @NotBlank @Size(max = 1000)
        @Schema(examples = "Frees the band from the outer quadriceps so the layers glide again.") String purpose) {
}
