package ca.bim.clinic.injury.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The course of treatment the catalogue recommends: a number of sessions at a steady rhythm. Its values are those of
 * booking-service's recurring series (POST /api/v1/appointment-series: count 1-12, recurrence), so care options can
 * offer it as one; a course is at least two sessions.
 */
@Schema(description = "A recommended course of treatment: this many sessions, weekly or every two weeks")
public record RecommendedCourse(
        @NotNull @Min(2) @Max(12) @Schema(minimum = "2", maximum = "12", examples = "6") Integer sessions,
        @NotNull @Pattern(regexp = "weekly|every-two-weeks", message = "must be weekly or every-two-weeks")
        @Schema(enumeration = { "weekly", "every-two-weeks" }, examples = "weekly") String recurrence) {
}
