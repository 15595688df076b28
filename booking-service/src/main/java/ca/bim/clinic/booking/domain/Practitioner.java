package ca.bim.clinic.booking.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A therapist or kinesiologist; {@code keycloakUsername} links the login (preferred_username) to the record, and
 * {@code subject} is that login's stable id, which events carry.
 */
@Entity
@Table(name = "practitioner")
public class Practitioner {

    @Id
    public UUID id;

    public String keycloakUsername;

    /** The login's stable Keycloak subject (sub); what other services key on. */
    public UUID subject;

    public String displayName;

    @Enumerated(EnumType.STRING)
    public Discipline discipline;

    public String credentials;
    public String bio;
    public boolean active;

    @Version
    public long version;
}
