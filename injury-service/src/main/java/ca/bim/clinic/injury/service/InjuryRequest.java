package ca.bim.clinic.injury.service;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.injury.domain.BodyRegions;
import ca.bim.clinic.injury.domain.ClinicalCode;
import ca.bim.clinic.injury.domain.Complication;
import ca.bim.clinic.injury.domain.Injury;
import ca.bim.clinic.injury.domain.RecommendedCourse;
import ca.bim.clinic.injury.domain.Slugs;
import ca.bim.clinic.injury.domain.Source;
import ca.bim.clinic.injury.domain.Treatment;

/** The editable content of an entry: the body of create and update, and the content of each revision. */
@Schema(description = "The editable content of a catalogue entry")
public record InjuryRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Stable identifier; cannot change after creation", examples = "it-band-syndrome") String slug,
        @NotBlank @Size(max = 120) @Schema(examples = "IT band syndrome") String name,
        @Size(max = 20) @Schema(description = "Other names; optional, defaults to none")
        List<@NotBlank @Size(max = 120) String> aliases,
        @NotEmpty @Size(max = 7)
        @Schema(description = "Regions: low-back, hip, thigh, knee, lower-leg, ankle, foot")
        List<@NotNull @Size(max = 40) @Pattern(regexp = BodyRegions.PATTERN, message = BodyRegions.MESSAGE) String> bodyRegions,
        @NotBlank @Size(max = 600) String summary,
        @NotBlank @Size(max = 4000) String anatomy,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> symptoms,
        @NotEmpty @Size(max = 30) @Schema(description = "Causes and risk factors")
        List<@NotBlank @Size(max = 500) String> causes,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Treatment> treatments,
        @NotEmpty @Size(max = 30) @Schema(description = "Prevention and home care")
        List<@NotBlank @Size(max = 500) String> selfCare,
        @Size(max = 30) @Schema(description = "What follows if untreated; optional, defaults to none")
        List<@NotNull @Valid Complication> complications,
        @NotEmpty @Size(max = 30) @Schema(description = "Red flags that need medical care rather than massage")
        List<@NotBlank @Size(max = 500) String> seeADoctorIf,
        @NotEmpty @Size(max = 10) @Schema(description = "Booking codes of the appointment types to book")
        List<@NotNull @Size(max = 80) @KnownAppointmentType String> recommendedAppointmentTypes,
        @Valid @Schema(nullable = true, description = "The course of treatment the catalogue recommends; optional, "
                + "absent or null where the catalogue says nothing. Care options offer it as a recurring series.")
        RecommendedCourse recommendedCourse,
        @Size(max = 30) @Schema(description = "Links to other entries; optional, defaults to none")
        List<@NotNull @Valid RelationRequest> relations,
        @Size(max = 10) @Schema(description = "ICD-10 and SNOMED CT codes; optional, defaults to none")
        List<@NotNull @Valid ClinicalCode> codes,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Source> sources) {

    public InjuryRequest {
        aliases = aliases == null ? List.of() : aliases;
        complications = complications == null ? List.of() : complications;
        relations = relations == null ? List.of() : relations;
        codes = codes == null ? List.of() : codes;
    }

    /** The content of a stored entry, as a revision records it. */
    public static InjuryRequest of(Injury injury) {
        List<RelationRequest> relations = injury.relations.stream()
                .map(relation -> new RelationRequest(relation.related.slug, relation.kind.code()))
                .sorted(Comparator.comparing(RelationRequest::kind).thenComparing(RelationRequest::slug))
                .toList();
        return new InjuryRequest(injury.slug, injury.name, List.copyOf(injury.aliases), List.copyOf(injury.bodyRegions),
                injury.summary, injury.anatomy, List.copyOf(injury.symptoms), List.copyOf(injury.causes),
                List.copyOf(injury.treatments), List.copyOf(injury.selfCare), List.copyOf(injury.complications),
                List.copyOf(injury.seeADoctorIf), List.copyOf(injury.recommendedAppointmentTypes),
                injury.recommendedCourse, relations, List.copyOf(injury.codes), List.copyOf(injury.sources));
    }
}
