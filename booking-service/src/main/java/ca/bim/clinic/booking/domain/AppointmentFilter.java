package ca.bim.clinic.booking.domain;

import java.time.Instant;
import java.util.UUID;

/** Filters for listing appointments; null means "any". */
public record AppointmentFilter(UUID clientId, UUID practitionerId, UUID locationId, Instant from, Instant to,
        AppointmentStatus status, String bookedBy) {
}
