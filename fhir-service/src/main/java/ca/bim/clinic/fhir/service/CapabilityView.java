package ca.bim.clinic.fhir.service;

import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

import ca.bim.clinic.fhir.config.FhirConfig;

/** {@code GET /metadata}: exactly the resources, interactions and search parameters this endpoint serves. */
@ApplicationScoped
public class CapabilityView {

    /** What each resource type supports and who may use it. */
    record Support(List<TypeRestfulInteraction> interactions, String access) {

        /** The directory's types: read by id and search, nothing else. */
        static Support readAndSearch(String access) {
            return new Support(List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE), access);
        }
    }

    static final Map<String, Support> SUPPORTED = Map.of(
            "Location", Support.readAndSearch("Public: no token needed. Both clinics."),
            "Practitioner", Support.readAndSearch("Public."),
            "PractitionerRole", Support.readAndSearch(
                    "Public. One per practitioner (same id): discipline, locations, services delivered."),
            "HealthcareService", Support.readAndSearch("Public. One per appointment type (id = its code); duration and "
                    + "price in extraDetails and extensions."),
            "Schedule", Support.readAndSearch("Public. One per practitioner and location."),
            "Slot", Support.readAndSearch(
                    "Public. Free slots only (status free); a slot's id is what POST Appointment books."),
            "Appointment", new Support(List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE,
                    TypeRestfulInteraction.CREATE),
                    "Roles partner or admin. A partner sees the appointments it booked for clients who consent to "
                            + "data sharing. Create: status proposed or booked, one slot (Slot/{id}) and one "
                            + "participant Patient/{id}; Idempotency-Key header for safe retries; 409 when the slot "
                            + "is taken, 422 for an invalid request."),
            "Patient", new Support(List.of(TypeRestfulInteraction.READ),
                    "Roles partner or admin. Only a client who consents to data sharing, and only to a caller who "
                            + "booked for them: name, birth date, telecom."));

    @Inject FhirConfig config;

    public CapabilityStatement statement() {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setPublisher("Balance in Motion");
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Balance in Motion fhir-service").setVersion("1.0.0");
        statement.getImplementation().setDescription("FHIR R4 view of the Balance in Motion clinics")
                .setUrl(config.baseUrl());
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");

        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Errors are OperationOutcomes; searches return searchset Bundles with paging links. "
                + "Unknown search parameters are refused (400).");
        rest.getSecurity().setCors(true)
                .addService(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("OAuth2 bearer tokens of the Keycloak realm clinic (audience clinic-api); partners "
                        + "use the client-credentials grant.");
        SUPPORTED.keySet().stream().sorted().forEach(type -> {
            Support support = SUPPORTED.get(type);
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type)
                    .setDocumentation(support.access());
            support.interactions().forEach(i -> resource.addInteraction().setCode(i));
            if (support.interactions().contains(TypeRestfulInteraction.SEARCHTYPE)) {
                for (SearchParams.Param param : SearchParams.of(type)) {
                    resource.addSearchParam().setName(param.name()).setType(param.type())
                            .setDocumentation(param.documentation());
                }
            }
        });
        return statement;
    }
}
