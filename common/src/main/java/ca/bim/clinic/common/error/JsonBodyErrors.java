package ca.bim.clinic.common.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns a Jackson failure to read a request body into one violation naming the field, in our own words: Jackson's
 * messages quote the input and name Java classes, neither of which belongs in an answer. Pure, unit-tested.
 */
public final class JsonBodyErrors {

    private JsonBodyErrors() {
    }

    public static ViolationProblem.Violation describe(JsonProcessingException error) {
        if (error instanceof StreamReadException && !(error instanceof JsonMappingException)) {
            return new ViolationProblem.Violation("", ViolationProblem.IN_BODY, "is not well-formed JSON" + where(error));
        }
        String field = error instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        if (error instanceof NulCharacterException) {
            return new ViolationProblem.Violation(field, ViolationProblem.IN_BODY,
                    "must not contain the NUL character (U+0000)");
        }
        if (error instanceof UnrecognizedPropertyException || error instanceof IgnoredPropertyException) {
            return new ViolationProblem.Violation(field, ViolationProblem.IN_BODY, "is not a known field");
        }
        if (error instanceof ValueInstantiationException) {
            return new ViolationProblem.Violation(field, ViolationProblem.IN_BODY, "has a value that is not accepted");
        }
        if (error instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new ViolationProblem.Violation(field, ViolationProblem.IN_BODY,
                    "must be " + expected(mismatch.getTargetType()));
        }
        return new ViolationProblem.Violation(field, ViolationProblem.IN_BODY, "has the wrong type or shape");
    }

    /** {@code start}, {@code treatments[0].technique}: the notation bean-validation problems use. */
    static String fieldPath(JsonMappingException error) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : error.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a JSON author should have written for a value bound to this Java type. */
    static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number in range";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 date-time with offset, e.g. 2026-12-01T09:00:00-08:00";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == LocalTime.class) {
            return "a time of day (HH:MM)";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration, e.g. PT30M";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "a JSON object";
        }
        return "a value of the documented type";
    }

    private static String where(JsonProcessingException error) {
        JsonLocation location = error.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
