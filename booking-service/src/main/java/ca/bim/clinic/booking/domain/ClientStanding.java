package ca.bim.clinic.booking.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * booking-service's copy of a client's standing in client-service (active or archived, data-sharing consent), fed by
 * client-service's standing feed. Written only through {@code ClientStandingRepository.upsert}, which keeps the
 * newest position.
 */
@Entity
@Table(name = "client_standing")
public class ClientStanding {

    public static final String ACTIVE = "active";
    public static final String ARCHIVED = "archived";

    @Id
    public UUID clientId;

    /** The client's Keycloak subject when they have an account. */
    public String subject;

    public String status;
    public boolean dataSharing;

    /** Feed position of the change this row reflects (opaque to us except for its order). */
    public String position;

    /** When the standing last changed in client-service. */
    public Instant updatedAt;

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
