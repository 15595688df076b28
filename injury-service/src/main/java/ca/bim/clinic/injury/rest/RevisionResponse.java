package ca.bim.clinic.injury.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.injury.service.InjuryRequest;

@Schema(description = "One change of an entry: what the entry held after it, who made it and when")
public record RevisionResponse(
        @Schema(description = "The entry's version after the change") long version,
        @Schema(enumeration = { "created", "updated", "published", "unpublished", "deleted" }) String action,
        @Schema(enumeration = { "draft", "published" }) String status,
        @Schema(description = "Subject of the editor's token, or flyway-seed for the initial content") String changedBy,
        Instant changedAt,
        InjuryRequest content) {
}
