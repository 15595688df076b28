package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.rest.CreateClientRequest;
import ca.bim.clinic.common.error.DomainException;

@ApplicationScoped
public class ClientService {

    private final ClientRepository clients;
    private final Clock clock;

    ClientService(ClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public Optional<Client> findBySubject(String subject) {
        return clients.findBySubject(subject);
    }

    /** Creates a profile; `subject` links it to the caller's own account, null for a walk-in created by staff. */
    @Transactional
    public Client create(CreateClientRequest request, String subject) {
        if (subject != null && clients.findBySubject(subject).isPresent()) {
            throw DomainException.conflict("A client profile already exists for this account");
        }
        Instant now = clock.instant();
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.keycloakSubject = subject;
        client.firstName = request.firstName().strip();
        client.lastName = request.lastName().strip();
        client.preferredName = request.preferredName();
        client.email = request.email();
        client.phone = request.phone();
        client.dateOfBirth = request.dateOfBirth();
        client.status = ClientStatus.active;
        client.createdAt = now;
        client.updatedAt = now;
        clients.persist(client);
        return client;
    }
}
