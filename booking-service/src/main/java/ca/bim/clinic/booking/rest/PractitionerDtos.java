package ca.bim.clinic.booking.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import ca.bim.clinic.booking.domain.Discipline;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.domain.Schedule;
import ca.bim.clinic.booking.domain.TimeOff;
import ca.bim.clinic.booking.service.CatalogAdminService.PractitionerData;
import ca.bim.clinic.booking.service.CatalogAdminService.ScheduleData;

/** Request and response bodies of the practitioner endpoints. */
final class PractitionerDtos {

    private PractitionerDtos() {
    }

    /** A practitioner; {@code keycloakUsername} and {@code subject} are shown to admins only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PractitionerResponse(UUID id, String name, Discipline discipline, String credentials, String bio,
            boolean active, String keycloakUsername,
            @Schema(description = "Keycloak subject (sub) of the practitioner's login; admins only") UUID subject) {

        static PractitionerResponse from(Practitioner p, boolean forAdmin) {
            return new PractitionerResponse(p.id, p.displayName, p.discipline, p.credentials, p.bio, p.active,
                    forAdmin ? p.keycloakUsername : null, forAdmin ? p.subject : null);
        }
    }

    public record PractitionerRequest(
            @Pattern(regexp = "[a-z0-9._@-]+", message = "must be a Keycloak username") @Size(max = 80)
            String keycloakUsername,
            @Schema(description = "Keycloak subject (sub) of the practitioner's login, its stable id")
            UUID subject,
            @NotBlank @Size(max = 120) String name,
            @NotNull Discipline discipline,
            @NotBlank @Size(max = 200) String credentials,
            @NotBlank @Size(max = 4000) String bio,
            Boolean active) {

        PractitionerData data() {
            return new PractitionerData(keycloakUsername, subject, name, discipline, credentials, bio,
                    active == null || active);
        }
    }

    public record ScheduleResponse(UUID id, UUID practitionerId, UUID locationId, String locationCode,
            DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, LocalDate effectiveFrom,
            LocalDate effectiveTo) {

        static ScheduleResponse from(Schedule s) {
            return new ScheduleResponse(s.id, s.practitioner.id, s.location.id, s.location.code, s.dayOfWeek(),
                    s.startTime, s.endTime, s.effectiveFrom, s.effectiveTo);
        }
    }

    /** Weekly hours in the location's local time; {@code effectiveTo} is inclusive, absent for open-ended. */
    public record ScheduleRequest(
            @NotBlank @Size(max = 80) String locationCode,
            @NotNull DayOfWeek dayOfWeek,
            @NotNull LocalTime startTime,
            @NotNull LocalTime endTime,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo) {

        ScheduleData data() {
            return new ScheduleData(locationCode, dayOfWeek, startTime, endTime, effectiveFrom, effectiveTo);
        }
    }

    public record TimeOffResponse(UUID id, UUID practitionerId, OffsetDateTime start, OffsetDateTime end,
            String reason) {

        static TimeOffResponse from(TimeOff t) {
            return new TimeOffResponse(t.id, t.practitioner.id, t.startsAt.atOffset(ZoneOffset.UTC),
                    t.endsAt.atOffset(ZoneOffset.UTC), t.reason);
        }
    }

    public record TimeOffRequest(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
            @NotBlank @Size(max = 200) String reason) {
    }
}
