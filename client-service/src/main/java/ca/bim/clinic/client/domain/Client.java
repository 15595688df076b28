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
    @Column(name = "keycloak_subject", unique = true)
    public String keycloakSubject;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "preferred_name")
    public String preferredName;

    public String email;

    public String phone;

    /** Maintained by the database from {@link #phone}. */
    @Column(name = "phone_digits", insertable = false, updatable = false)
    public String phoneDigits;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "preferred_location")
    public String preferredLocation;

    @Column(name = "emergency_contact_name")
    public String emergencyContactName;

    @Column(name = "emergency_contact_phone")
    public String emergencyContactPhone;

    @Column(name = "emergency_contact_relationship")
    public String emergencyContactRelationship;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClientStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOwnedBy(String subject) {
        return keycloakSubject != null && keycloakSubject.equals(subject);
    }
}
