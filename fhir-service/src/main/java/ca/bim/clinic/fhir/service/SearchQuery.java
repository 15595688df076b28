package ca.bim.clinic.fhir.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.bim.clinic.fhir.error.FhirProblem;

/** The query of one search, checked against {@link SearchParams}: unknown parameters are a 400, never ignored. */
public final class SearchQuery {

    /** A half-open time range [from, to); either end may be open. */
    public record Range(Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {
    }

    private final String type;
    private final Map<String, List<String>> params;
    private final int page;
    private final int count;

    public SearchQuery(String type, Map<String, List<String>> params, int defaultCount, int maxCount) {
        this.type = type;
        this.params = new LinkedHashMap<>(params);
        for (String name : this.params.keySet()) {
            if (SearchParams.find(type, name).isEmpty()) {
                throw FhirProblem.badRequest("Unknown search parameter '" + name + "' for " + type
                        + "; /metadata lists the supported ones");
            }
        }
        for (String format : this.params.getOrDefault("_format", List.of())) {
            if (!format.equals("json") && !format.startsWith("application/fhir+json")
                    && !format.startsWith("application/json")) {
                throw new FhirProblem(406, org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED,
                        "Only JSON is supported");
            }
        }
        this.count = number("_count").orElse(defaultCount);
        if (count < 1 || count > maxCount) {
            throw FhirProblem.badRequest("_count must be between 1 and " + maxCount);
        }
        this.page = number("_page").orElse(0);
        if (page < 0) {
            throw FhirProblem.badRequest("_page must not be negative");
        }
    }

    public String type() {
        return type;
    }

    public int page() {
        return page;
    }

    public int count() {
        return count;
    }

    /** The query as given, without paging: the base of the Bundle's links. */
    public Map<String, List<String>> criteria() {
        Map<String, List<String>> criteria = new LinkedHashMap<>(params);
        criteria.remove("_page");
        criteria.remove("_count");
        return criteria;
    }

    private Optional<Integer> number(String name) {
        Optional<String> value = single(name);
        try {
            return value.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw FhirProblem.badRequest(name + " must be a whole number");
        }
    }

    public Optional<String> single(String name) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw FhirProblem.badRequest(name + " may be given only once");
        }
        return values.stream().filter(v -> !v.isBlank()).findFirst();
    }

    /** Comma-separated alternatives of a parameter given once (FHIR's OR). */
    public List<String> anyOf(String name) {
        return single(name).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList()).orElse(List.of());
    }

    /** Token values as codes: {@code code} or {@code system|code} of the given system. */
    public List<String> codes(String name, String system) {
        List<String> codes = new ArrayList<>();
        for (String token : anyOf(name)) {
            int bar = token.indexOf('|');
            if (bar < 0) {
                codes.add(token);
            } else if (bar == 0 || token.substring(0, bar).equals(system)) {
                codes.add(token.substring(bar + 1));
            } else {
                throw FhirProblem.badRequest(name + ": unknown code system " + token.substring(0, bar)
                        + "; use " + system);
            }
        }
        return codes;
    }

    /** Reference values as ids of {@code targetType}: {@code Type/id} or a bare id. */
    public List<String> references(String name, String targetType) {
        return anyOf(name).stream().map(ref -> referenceId(name, ref, targetType)).toList();
    }

    static String referenceId(String name, String reference, String targetType) {
        String value = reference;
        int slash = value.lastIndexOf('/');
        if (slash >= 0) {
            String prefix = value.substring(0, slash);
            if (!(prefix.equals(targetType) || prefix.endsWith("/" + targetType))) {
                throw FhirProblem.badRequest(name + " must reference a " + targetType);
            }
            value = value.substring(slash + 1);
        }
        return value;
    }

    /** A date parameter restricted to the {@code ge} and {@code lt} prefixes. */
    public Range range(String name, ZoneId zone) {
        Optional<OffsetDateTime> from = Optional.empty();
        Optional<OffsetDateTime> to = Optional.empty();
        for (String value : params.getOrDefault(name, List.of())) {
            if (value.length() < 3) {
                throw FhirProblem.badRequest(name + ": expected ge or lt followed by a date");
            }
            String prefix = value.substring(0, 2);
            OffsetDateTime instant = dateTime(name, value.substring(2), zone);
            switch (prefix) {
                case "ge" -> {
                    if (from.isPresent()) {
                        throw FhirProblem.badRequest(name + ": ge may be given only once");
                    }
                    from = Optional.of(instant);
                }
                case "lt" -> {
                    if (to.isPresent()) {
                        throw FhirProblem.badRequest(name + ": lt may be given only once");
                    }
                    to = Optional.of(instant);
                }
                default -> throw FhirProblem.badRequest(name + ": only the ge and lt prefixes are supported");
            }
        }
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw FhirProblem.badRequest(name + ": lt must be after ge");
        }
        return new Range(from, to);
    }

    /** A FHIR date or dateTime; a date, or a time without offset, is read in the clinics' zone. */
    static OffsetDateTime dateTime(String name, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toOffsetDateTime();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value);
            }
            return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw FhirProblem.badRequest(name + ": '" + value + "' is not a FHIR date or dateTime");
        }
    }
}
