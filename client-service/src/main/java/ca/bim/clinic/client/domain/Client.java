package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A client's profile; personal data, never logged. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    public UUID id;

    /** The Keycloak `sub` of the client's own account; null for walk-ins. */
    @Column(unique = true)
    public String keycloakSubject;

    public String firstName;

    public String lastName;

    public String preferredName;

    public String email;

    public String phone;

    /** Maintained by the database from {@link #phone}. */
    @Column(insertable = false, updatable = false)
    public String phoneDigits;

    public LocalDate dateOfBirth;

    public String preferredLocation;

    public String emergencyContactName;

    public String emergencyContactPhone;

    public String emergencyContactRelationship;

    @Enumerated(EnumType.STRING)
    public ClientStatus status;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOwnedBy(String subject) {
        return keycloakSubject != null && keycloakSubject.equals(subject);
    }
}
