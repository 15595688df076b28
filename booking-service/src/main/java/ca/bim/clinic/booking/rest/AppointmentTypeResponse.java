package ca.bim.clinic.booking.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Discipline;

public record AppointmentTypeResponse(UUID id, String code, String name, String description, int durationMinutes,
        int bufferMinutes, BigDecimal priceCad, String currency, List<Discipline> disciplines, boolean onlineBookable,
        boolean active) {

    static AppointmentTypeResponse from(AppointmentType type) {
        return new AppointmentTypeResponse(type.id, type.code, type.name, type.description, type.durationMinutes,
                type.bufferMinutes, type.priceCad, "CAD", type.disciplines.stream().sorted().toList(),
                type.onlineBookable, type.active);
    }
}
