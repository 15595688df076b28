package ca.bim.clinic.injury.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.injury.domain.Technique;

@Schema(description = "A treatment technique that injury entries link to")
public record TechniqueResponse(
        @Schema(examples = "cupping") String slug,
        @Schema(examples = "Cupping") String name,
        String description,
        long version,
        Instant updatedAt,
        @Schema(examples = Disclaimer.TEXT) String disclaimer) {

    static TechniqueResponse of(Technique technique) {
        return new TechniqueResponse(technique.slug, technique.name, technique.description, technique.version,
                technique.updatedAt, Disclaimer.TEXT);
    }
}
