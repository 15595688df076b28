package ca.bim.clinic.injury.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What may follow when the injury is left untreated. */
@Schema(description = "What may follow when the injury is left untreated")
public record Complication(
        @NotBlank @Size(max = 120) @Schema(examples = "Calf strain") String condition,
        @NotBlank @Size(max = 1000)
        @Schema(examples = "Training on an untreated Achilles can end in a strained calf muscle.") String description) {
}
