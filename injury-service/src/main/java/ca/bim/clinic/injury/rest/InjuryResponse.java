package ca.bim.clinic.injury.rest;

import java.time.Instant;

import ca.bim.clinic.injury.domain.Injury;

public record InjuryResponse(String slug, String name, String summary, long version, Instant updatedAt,
        String disclaimer) {

    /** Shown with every entry: the catalogue informs, a clinician diagnoses. */
    public static final String DISCLAIMER = "This information is for education only and is not a diagnosis. "
            + "See a physician for severe, sudden or worsening pain.";

    static InjuryResponse from(Injury injury) {
        return new InjuryResponse(injury.slug, injury.name, injury.summary, injury.version, injury.updatedAt,
                DISCLAIMER);
    }
}
