package ca.bim.clinic.injury.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The catalogue search: what to look for and what a page of results holds (the repository runs it). */
public final class InjurySearch {

    private InjurySearch() {
    }

    /** What to look for: free text (may be null), a body region (may be null), the statuses to include. */
    public record SearchCriteria(String q, String region, Collection<InjuryStatus> statuses) {
    }

    /** An entry as a page of results lists it; relevance only when searching by text. */
    public record Listed(String slug, String name, List<String> aliases, List<String> bodyRegions, String summary,
            List<String> recommendedAppointmentTypes, InjuryStatus status, long version, Instant updatedAt,
            Double relevance) {
    }

    public record SearchPage(List<Listed> items, long total) {
    }
}
