package ca.bim.clinic.injury.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.injury.domain.Slugs;

@Schema(description = "A link to another catalogue entry")
public record RelationRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Slug of the other entry", examples = "plantar-fasciitis") String slug,
        @NotBlank @Pattern(regexp = "^(may-lead-to|continuous-with|related)$",
                message = "must be one of may-lead-to, continuous-with, related")
        @Schema(enumeration = { "may-lead-to", "continuous-with", "related" }, examples = "may-lead-to",
                description = "may-lead-to: left untreated this injury can lead to the other; continuous-with: "
                        + "the tissues are one continuous structure; related: shares causes or region") String kind) {
}
