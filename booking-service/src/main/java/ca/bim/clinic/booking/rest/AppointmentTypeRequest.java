package ca.bim.clinic.booking.rest;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ca.bim.clinic.booking.domain.Discipline;
import ca.bim.clinic.booking.service.CatalogAdminService.AppointmentTypeData;

/** An appointment type as an admin creates or replaces it; {@code code} is only read on creation. */
public record AppointmentTypeRequest(
        @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lowercase words joined by hyphens")
        @Size(max = 60) String code,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 2000) String description,
        @Min(5) @Max(480) int durationMinutes,
        @Min(0) @Max(120) int bufferMinutes,
        @NotNull @DecimalMin("0.00") @Digits(integer = 6, fraction = 2) BigDecimal priceCad,
        @NotEmpty @Size(max = 2) Set<@NotNull Discipline> disciplines,
        boolean onlineBookable,
        Boolean active) {

    AppointmentTypeData data() {
        return new AppointmentTypeData(name, description, durationMinutes, bufferMinutes, priceCad, disciplines,
                onlineBookable, active == null || active);
    }
}
