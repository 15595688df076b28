package ca.bim.clinic.fhir.client;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The parts of the services' native JSON that the FHIR view maps; unknown fields are ignored. */
public final class Native {

    private Native() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(UUID id, String code, String name, String address, String city, String province,
            String phone, String timeZone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Practitioner(UUID id, String name, String discipline, String credentials, String bio,
            boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScheduleEntry(UUID id, UUID practitionerId, UUID locationId, String locationCode,
            DayOfWeek dayOfWeek, LocalTime startTime, LocalTime endTime, LocalDate effectiveFrom,
            LocalDate effectiveTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AppointmentType(UUID id, String code, String name, String description, int durationMinutes,
            BigDecimal priceCad, String currency, List<String> disciplines, boolean onlineBookable,
            boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(UUID practitionerId, String practitionerName, UUID locationId, String locationCode,
            OffsetDateTime start, OffsetDateTime end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Availability(List<Slot> items, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appointment(UUID id, String appointmentType, String appointmentTypeName, UUID practitionerId,
            String practitionerName, UUID locationId, String locationCode, UUID clientId, OffsetDateTime start,
            OffsetDateTime end, String status, BigDecimal priceCad, String currency, String cancellationReason,
            OffsetDateTime createdAt, long version) {
    }

    /** The body of POST /api/v1/appointments. */
    public record BookingRequest(String appointmentType, UUID practitionerId, String locationCode,
            OffsetDateTime start, UUID clientId) {
    }

    /** client-service's internal answer: demographics of a consenting client, nothing clinical. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Demographics(UUID id, String firstName, String lastName, String preferredName,
            LocalDate dateOfBirth, String phone, String email) {
    }
}
