package ca.bim.clinic.injury.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import ca.bim.clinic.injury.domain.InjurySearch.Listed;

@Schema(description = "An entry as listed in a page of results; fetch the slug for the full entry")
public record InjurySummary(
        @Schema(examples = "it-band-syndrome") String slug,
        @Schema(examples = "IT band syndrome") String name,
        List<String> aliases,
        List<String> bodyRegions,
        String summary,
        List<String> recommendedAppointmentTypes,
        @Schema(enumeration = { "draft", "published" }) String status,
        long version,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "How well the entry matches q (higher is better); only present when searching")
        Double relevance,
        @Schema(examples = Disclaimer.TEXT) String disclaimer) {

    static InjurySummary of(Listed entry) {
        return new InjurySummary(entry.slug(), entry.name(), entry.aliases(), entry.bodyRegions(), entry.summary(),
                entry.recommendedAppointmentTypes(), entry.status().name(), entry.version(), entry.updatedAt(),
                entry.relevance() == null ? null : Math.round(entry.relevance() * 10_000) / 10_000.0,
                Disclaimer.TEXT);
    }
}
