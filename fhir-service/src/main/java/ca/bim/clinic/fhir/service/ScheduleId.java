package ca.bim.clinic.fhir.service;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Schedule is one practitioner at one location: its id is the practitioner's id and the location's code. */
public record ScheduleId(UUID practitionerId, String locationCode) {

    private static final Pattern FORMAT = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\.([a-z0-9-]{1,27})");

    public String value() {
        return practitionerId + "." + locationCode;
    }

    public static Optional<ScheduleId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(value);
        return m.matches() ? Optional.of(new ScheduleId(UUID.fromString(m.group(1)), m.group(2))) : Optional.empty();
    }
}
