package ca.bim.clinic.booking.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import ca.bim.clinic.booking.client.ClientRecords;
import ca.bim.clinic.booking.client.ClientRecords.ClientStanding;
import ca.bim.clinic.common.error.DomainException;

/**
 * Before anything is written: the client exists and is active in client-service, and a partner acts only for
 * clients who consented to data sharing. Runs outside the booking transaction so no database connection is held
 * while client-service answers.
 */
@ApplicationScoped
public class ClientCheck {

    private static final Logger LOG = Logger.getLogger(ClientCheck.class);

    private final ClientRecords records;

    ClientCheck(ClientRecords records) {
        this.records = records;
    }

    public void requireBookable(UUID clientId, Caller caller) {
        Optional<ClientStanding> standing;
        try {
            standing = records.standing(clientId, caller.isPartner());
        } catch (RuntimeException e) {
            LOG.warnf("client-service check failed: %s", e.toString());
            throw new DomainException(503, "Service Unavailable",
                    "Client records cannot be reached right now, so nothing was booked; please try again shortly");
        }
        ClientStanding client = standing.orElseThrow(
                () -> DomainException.unprocessable("Unknown client " + clientId));
        if (!client.active()) {
            throw DomainException.unprocessable("Client " + clientId + " is archived and cannot be booked");
        }
        if (caller.isPartner() && !client.sharesDataWithPartners()) {
            throw DomainException.forbidden("The client has not consented to data sharing with partner clinics");
        }
    }
}
