package ca.bim.clinic.client.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessResource;
import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.domain.ConsentDecision;
import ca.bim.clinic.client.domain.ConsentEvent;
import ca.bim.clinic.client.domain.ConsentType;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.repository.ConsentEventRepository;
import ca.bim.clinic.client.security.Actor;

/**
 * Demographics for the FHIR view (fhir-service, on behalf of a partner that booked for the client). The second line
 * of defence after booking-service's consent rule: nothing unless the client is active and their latest
 * data-sharing decision is a grant. Every disclosure is written to the client's access log.
 */
@ApplicationScoped
public class PatientDemographicsService {

    /** Name, birth date and contact details; nothing clinical. */
    public record Demographics(UUID id, String firstName, String lastName, String preferredName,
            LocalDate dateOfBirth, String phone, String email) {
    }

    static final String FHIR_SERVICE = "fhir-service";

    @Inject ClientRepository clients;
    @Inject ConsentEventRepository consents;
    @Inject AccessLog accessLog;

    @Transactional
    public Optional<Demographics> forDataSharing(UUID clientId) {
        Optional<Client> found = clients.findByIdOptional(clientId)
                .filter(c -> c.status == ClientStatus.active)
                .filter(c -> sharesData(c.id));
        found.ifPresent(c -> accessLog.allowed(c.id, Actor.service(FHIR_SERVICE), AccessAction.read,
                AccessResource.profile, c.id));
        return found.map(c -> new Demographics(c.id, c.firstName, c.lastName, c.preferredName, c.dateOfBirth,
                c.phone, c.email));
    }

    /** The history is ordered oldest first: the last data-sharing decision is the one in force. */
    private boolean sharesData(UUID clientId) {
        ConsentDecision last = null;
        for (ConsentEvent event : consents.history(clientId)) {
            if (event.consent == ConsentType.DATA_SHARING) {
                last = event.decision;
            }
        }
        return last == ConsentDecision.granted;
    }
}
