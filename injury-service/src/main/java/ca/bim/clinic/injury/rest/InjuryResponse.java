package ca.bim.clinic.injury.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.injury.domain.ClinicalCode;
import ca.bim.clinic.injury.domain.Complication;
import ca.bim.clinic.injury.domain.RecommendedCourse;
import ca.bim.clinic.injury.domain.Source;

@Schema(description = "A catalogue entry about one running injury")
public record InjuryResponse(
        UUID id,
        @Schema(examples = "it-band-syndrome") String slug,
        @Schema(examples = "IT band syndrome") String name,
        List<String> aliases,
        @Schema(description = "Regions: low-back, hip, thigh, knee, lower-leg, ankle, foot") List<String> bodyRegions,
        String summary,
        String anatomy,
        List<String> symptoms,
        @Schema(description = "Causes and risk factors") List<String> causes,
        List<TreatmentView> treatments,
        @Schema(description = "Prevention and home care") List<String> selfCare,
        @Schema(description = "What may follow if untreated") List<Complication> complications,
        @Schema(description = "Red flags that need medical care rather than massage") List<String> seeADoctorIf,
        @Schema(description = "Booking codes of the appointment types to book, e.g. sports-massage-60")
        List<String> recommendedAppointmentTypes,
        @Schema(nullable = true, description = "The course of treatment the catalogue recommends; null where it says "
                + "nothing") RecommendedCourse recommendedCourse,
        @Schema(description = "Slugs of the entries linked from this one (details in relations)")
        List<String> relatedInjuries,
        List<RelationView> relations,
        List<ClinicalCode> codes,
        List<Source> sources,
        @Schema(enumeration = { "draft", "published" }) String status,
        @Schema(description = "Increases with every change") long version,
        Instant updatedAt,
        @Schema(examples = Disclaimer.TEXT) String disclaimer) {

    @Schema(description = "A treatment: the technique it uses and what it does for this injury")
    public record TreatmentView(
            @Schema(description = "Slug of the technique", examples = "myofascial-release") String technique,
            @Schema(examples = "Myofascial release") String techniqueName,
            String purpose) {
    }

    @Schema(description = "A link to another entry")
    public record RelationView(
            @Schema(examples = "plantar-fasciitis") String slug,
            @Schema(examples = "Plantar fasciitis") String name,
            @Schema(enumeration = { "may-lead-to", "continuous-with", "related" }) String kind) {
    }
}
