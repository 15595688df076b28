package ca.bim.clinic.client.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ConsentDecision;
import ca.bim.clinic.client.domain.ConsentEvent;
import ca.bim.clinic.client.domain.ConsentType;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.repository.ConsentEventRepository;
import ca.bim.clinic.client.repository.StandingOutboxRepository;

/**
 * Writes a client's standing (status, granted consents) to the outbox in the transaction that changed it, so the
 * feed carries every committed change and nothing uncommitted. Use cases that change a standing call
 * {@link #lock} as their transaction's first statement and {@link #record} after the change.
 */
@ApplicationScoped
public class StandingOutbox {

    @Inject StandingOutboxRepository outbox;
    @Inject ClientRepository clients;
    @Inject ConsentEventRepository consents;
    @Inject Clock clock;

    /**
     * Serialises standing changes of this client. Must come before the transaction's first write, so two changes
     * of one client reach the feed in the order they committed (see {@link StandingOutboxRepository#lockClient}).
     */
    @Transactional(TxType.MANDATORY)
    public void lock(UUID clientId) {
        outbox.lockClient(clientId);
    }

    /** Appends the client's full standing as it is now in this transaction. */
    @Transactional(TxType.MANDATORY)
    public void record(Client client) {
        // The client row (a new one, or a changed status) must exist before the outbox row refers to it.
        clients.flush();
        outbox.insert(client.id, client.keycloakSubject, client.status.name(), granted(client.id), clock.instant());
    }

    /** Consent codes whose latest decision is a grant, in a stable order. */
    private List<String> granted(UUID clientId) {
        List<ConsentEvent> history = consents.history(clientId);
        return java.util.Arrays.stream(ConsentType.values())
                .filter(type -> history.stream().filter(e -> e.consent == type)
                        .reduce((first, second) -> second)
                        .map(e -> e.decision == ConsentDecision.granted).orElse(false))
                .map(ConsentType::code)
                .sorted()
                .toList();
    }
}
