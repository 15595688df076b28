package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.service.ProfileRequest;
import ca.bim.clinic.client.service.ProfileRequest.EmergencyContact;

/** A client's profile. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientResponse(UUID id, String firstName, String lastName, String preferredName, String email,
        String phone, LocalDate dateOfBirth, String preferredLocation, EmergencyContact emergencyContact,
        ClientStatus status, boolean hasAccount, Instant createdAt, Instant updatedAt, long version) {

    static ClientResponse from(Client client) {
        EmergencyContact contact = client.emergencyContactName == null ? null
                : new EmergencyContact(client.emergencyContactName, client.emergencyContactPhone,
                        client.emergencyContactRelationship);
        return new ClientResponse(client.id, client.firstName, client.lastName, client.preferredName, client.email,
                client.phone, client.dateOfBirth, client.preferredLocation, contact, client.status,
                client.keycloakSubject != null, client.createdAt, client.updatedAt, client.version);
    }
}
