package ca.bim.clinic.injury.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A code of a standard terminology (ICD-10, SNOMED CT) for partner systems. */
@Schema(description = "A code of a standard terminology, for partner systems")
public record ClinicalCode(
        @NotBlank @Pattern(regexp = "^(ICD-10|SNOMED-CT)$", message = "must be ICD-10 or SNOMED-CT")
        @Schema(enumeration = { "ICD-10", "SNOMED-CT" }, examples = "ICD-10") String system,
        @NotBlank @Size(max = 20) @Pattern(regexp = "^[A-Za-z0-9.]+$", message = "must be a code such as M76.3")
        @Schema(examples = "M76.3") String code,
        @NotBlank @Size(max = 200) @Schema(examples = "Iliotibial band syndrome") String display) {
}
