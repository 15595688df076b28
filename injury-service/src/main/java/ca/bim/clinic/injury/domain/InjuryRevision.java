package ca.bim.clinic.injury.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The content of an entry as it stood after one change, with who made the change and when. Append-only. */
@Entity
@Table(name = "injury_revision")
public class InjuryRevision {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public UUID injuryId;

    @Column(nullable = false, updatable = false)
    public String slug;

    @Column(nullable = false, updatable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RevisionAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public InjuryStatus status;

    /** The entry's editable content in the shape of an editor's request body. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public Map<String, Object> content;

    @Column(nullable = false, updatable = false)
    public String changedBy;

    @Column(nullable = false, updatable = false)
    public Instant changedAt;
}
