package ca.bim.clinic.client.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.domain.ConsentDecision;
import ca.bim.clinic.client.domain.ConsentEvent;
import ca.bim.clinic.client.domain.ConsentType;
import ca.bim.clinic.client.repository.ConsentEventRepository;
import ca.bim.clinic.client.security.Permission;
import ca.bim.clinic.client.service.RecordAccess.Granted;
import ca.bim.clinic.common.error.DomainException;

/** Consents as an append-only history of grants and withdrawals; the current state is the latest decision. */
@ApplicationScoped
public class ConsentService {

    @Inject ConsentEventRepository events;
    @Inject RecordAccess access;
    @Inject StandingOutbox standing;
    @Inject Clock clock;

    /** The history, oldest first. */
    @Transactional
    public List<ConsentEvent> history(UUID clientId) {
        access.require(clientId, Permission.CONSENTS_READ, AccessAction.read, null);
        return events.history(clientId);
    }

    /**
     * Records a grant or withdrawal and publishes the client's new standing in the same transaction. Withdrawing is
     * always possible; granting needs an active client.
     */
    @Transactional
    public List<ConsentEvent> decide(UUID clientId, ConsentType consent, ConsentDecision decision) {
        standing.lock(clientId);
        AccessAction action = decision == ConsentDecision.granted ? AccessAction.grant : AccessAction.withdraw;
        Granted granted = access.require(clientId, Permission.CONSENTS_WRITE, action, null);
        if (decision == ConsentDecision.granted && granted.client().status == ClientStatus.archived) {
            throw DomainException.conflict("The client is archived; consent can only be withdrawn");
        }
        ConsentEvent event = new ConsentEvent();
        event.id = UUID.randomUUID();
        event.clientId = clientId;
        event.consent = consent;
        event.decision = decision;
        event.occurredAt = clock.instant();
        event.actor = granted.actor().name();
        event.actorRole = granted.actor().role();
        events.persist(event);
        standing.record(granted.client());
        return events.history(clientId);
    }
}
