package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a client's health history questionnaire; never changed once written. */
@Entity
@Table(name = "intake_version")
public class IntakeVersion {

    @Id
    public UUID id;

    public UUID clientId;

    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public IntakeContent content;

    public Instant recordedAt;

    public String recordedBy;

    public String recordedByRole;
}
