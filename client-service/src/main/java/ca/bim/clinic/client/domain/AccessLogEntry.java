package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** One read or change of a client's data (who, in which role, what, when, request id); append-only. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {

    /** Time-ordered (UUIDv7): the log is append-heavy, so new keys land at the end of the index. */
    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID clientId;

    public Instant occurredAt;

    public String actorSubject;

    /** Keycloak username, or the client id of a service. */
    public String actor;

    public String actorRole;

    @Enumerated(EnumType.STRING)
    public AccessAction action;

    @Enumerated(EnumType.STRING)
    public AccessResource resource;

    public UUID resourceId;

    @Enumerated(EnumType.STRING)
    public AccessOutcome outcome;

    public String requestId;

    /** For entries recorded from booking-service's events: the viewer's request (method and path). */
    public String request;

    /** For entries recorded from booking-service's events: the appointments the viewer was shown. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] appointmentIds;
}
