package ca.bim.clinic.client.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the health history questionnaire (a value, stored as JSON). */
public record IntakeContent(
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> conditions,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> medications,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> allergies,
        @Size(max = 20) List<@NotNull @Valid CurrentInjury> currentInjuries,
        @Valid ActivityProfile activityProfile,
        @Size(max = 2000) String goals) {

    public IntakeContent {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        medications = medications == null ? List.of() : List.copyOf(medications);
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
        currentInjuries = currentInjuries == null ? List.of() : List.copyOf(currentInjuries);
    }

    /** An injury the client has now: a catalogue slug when one fits, and the client's own words. */
    public record CurrentInjury(
            @Schema(description = "Injury catalogue slug", examples = "plantar-fasciitis")
            @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be a catalogue slug") @Size(max = 100) String slug,
            @Size(max = 2000) String description) {
    }

    public record ActivityProfile(
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> sports,
            @DecimalMin("0") @DecimalMax("500") BigDecimal weeklyRunningKm,
            @Valid UpcomingRace upcomingRace) {

        public ActivityProfile {
            sports = sports == null ? List.of() : List.copyOf(sports);
        }
    }

    public record UpcomingRace(@NotBlank @Size(max = 200) String name, LocalDate date,
            @DecimalMin("0") @DecimalMax("500") BigDecimal distanceKm) {
    }
}
