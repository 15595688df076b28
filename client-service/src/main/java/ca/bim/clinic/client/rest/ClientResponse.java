package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientStatus;

public record ClientResponse(UUID id, String firstName, String lastName, String preferredName, String email,
        String phone, LocalDate dateOfBirth, ClientStatus status, boolean hasAccount, Instant createdAt,
        Instant updatedAt, long version) {

    static ClientResponse from(Client client) {
        return new ClientResponse(client.id, client.firstName, client.lastName, client.preferredName, client.email,
                client.phone, client.dateOfBirth, client.status, client.keycloakSubject != null, client.createdAt,
                client.updatedAt, client.version);
    }
}
