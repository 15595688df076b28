package ca.bim.clinic.fhir.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * Every search parameter the endpoint understands, per resource type. The searches reject any other parameter and
 * the CapabilityStatement is rendered from this table, so the two cannot disagree.
 */
public final class SearchParams {

    public record Param(String name, SearchParamType type, String documentation) {
    }

    /** Paging and format, accepted by every search. */
    public static final List<Param> COMMON = List.of(
            new Param("_count", SearchParamType.NUMBER, "Entries per page, 1 to 100 (default 20)"),
            new Param("_page", SearchParamType.NUMBER, "Zero-based page number; follow the Bundle's links instead"),
            new Param("_format", SearchParamType.TOKEN, "json or application/fhir+json only"));

    public static final Map<String, List<Param>> BY_TYPE = Map.of(
            "Location", List.of(
                    new Param("identifier", SearchParamType.TOKEN, "The clinic's location code, e.g. richmond")),
            "Practitioner", List.of(),
            "PractitionerRole", List.of(),
            "HealthcareService", List.of(),
            "Schedule", List.of(
                    new Param("actor", SearchParamType.REFERENCE, "Practitioner/{id} or Location/{id}"),
                    new Param("service-type", SearchParamType.TOKEN, "Appointment type code, e.g. sports-massage-60")),
            "Slot", List.of(
                    new Param("service-type", SearchParamType.TOKEN,
                            "Required: appointment type code(s), comma-separated, e.g. sports-massage-60"),
                    new Param("schedule", SearchParamType.REFERENCE,
                            "Schedule/{id}, comma-separated for several; all schedules when absent"),
                    new Param("start", SearchParamType.DATE,
                            "ge and lt only, e.g. start=ge2026-12-07&start=lt2026-12-14; at most 31 days; "
                                    + "7 days from ge (or from today) when lt is absent")),
            "Appointment", List.of(
                    new Param("patient", SearchParamType.REFERENCE, "Patient/{id}"),
                    new Param("date", SearchParamType.DATE, "ge and lt only: appointments starting in the range")),
            "Patient", List.of());

    private SearchParams() {
    }

    public static List<Param> of(String type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }

    public static Optional<Param> find(String type, String name) {
        return java.util.stream.Stream.concat(COMMON.stream(), of(type).stream())
                .filter(p -> p.name().equals(name)).findFirst();
    }
}
