package ca.bim.clinic.booking.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ca.bim.clinic.booking.service.ClientStandings.View;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.Unavailable;
import ca.bim.clinic.common.security.Caller;

/**
 * Before anything is written: the client exists and is active, and a partner acts only for clients who consented to
 * data sharing. Answered from the local standing view; only a client not seen yet needs client-service to answer.
 * Runs outside the booking transaction so no database connection is held while client-service answers.
 */
@ApplicationScoped
public class ClientCheck {

    @Inject ClientStandings standings;

    public void requireBookable(UUID clientId, Caller caller) {
        View client;
        try {
            client = standings.lookup(clientId)
                    .orElseThrow(() -> DomainException.unprocessable("Unknown client " + clientId));
        } catch (ClientStandings.Unreachable e) {
            throw new Unavailable("Client records cannot be reached right now, so nothing was booked; please try again shortly");
        }
        if (!client.active()) {
            throw DomainException.unprocessable("Client " + clientId + " is archived and cannot be booked");
        }
        if (caller.isPartner() && !client.dataSharing()) {
            throw DomainException.forbidden("The client has not consented to data sharing with partner clinics");
        }
    }
}
