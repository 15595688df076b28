package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A SOAP treatment note. A draft until its author signs it; the database refuses changes to signed notes. */
@Entity
@Table(name = "treatment_note")
public class TreatmentNote {

    @Id
    public UUID id;

    public UUID clientId;

    public UUID appointmentId;

    /** The author's Keycloak username. */
    public String practitioner;

    public String subjective;

    public String objective;

    public String assessment;

    public String plan;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> techniques;

    @Enumerated(EnumType.STRING)
    public NoteStatus status;

    public Instant createdAt;

    public Instant updatedAt;

    public Instant signedAt;

    @Version
    public long version;
}
