package ca.bim.clinic.booking.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import ca.bim.clinic.common.error.ViolationProblem;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Reads query parameters that JAX-RS would otherwise answer with 404 when malformed: times given either as a local date (read in the clinic's zone; an end date is inclusive)
 * or as an ISO-8601 date-time with offset.
 */
final class TimeParameters {

    private TimeParameters() {
    }

    static Instant start(String value, String field, ZoneId zone) {
        return parse(value, field, zone, false);
    }

    /** The exclusive end: a date means the end of that day. */
    static Instant end(String value, String field, ZoneId zone) {
        return parse(value, field, zone, true);
    }

    private static Instant parse(String value, String field, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw badRequest(field, "query", "must be a date (YYYY-MM-DD) or an ISO-8601 date-time with offset");
        }
    }

    static java.util.UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw badRequest(field, "query", "must be a UUID");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // Query values use the same lower-kebab-case as the JSON bodies (checked-in, massage-therapy).
        for (E constant : type.getEnumConstants()) {
            if (wire(constant).equals(value)) {
                return constant;
            }
        }
        throw badRequest(field, "query", "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(TimeParameters::wire).toList());
    }

    static String wire(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** A 400 problem in the same shape as bean-validation failures. */
    static HttpProblem badRequest(String field, String in, String message) {
        return ViolationProblem.of(field, in, message);
    }
}
