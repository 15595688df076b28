package ca.bim.clinic.booking.rest;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.booking.service.ClientCheck;
import ca.bim.clinic.common.error.DomainException;

/** The client a booking, hold, series or waitlist entry is for, checked before any transaction starts. */
@ApplicationScoped
public class ClientSelection {

    @Inject ClientCheck clientCheck;

    /**
     * A client acts for themselves (clientId implied), everyone else names the client; the client must be bookable
     * by this caller (known, active, and for a partner sharing data with partners).
     */
    public UUID resolve(Caller caller, UUID requested, String action) {
        UUID clientId = requested;
        if (caller.isClient()) {
            UUID own = caller.requireClientId();
            if (clientId != null && !clientId.equals(own)) {
                throw DomainException.forbidden("Clients can only " + action + " for themselves");
            }
            clientId = own;
        } else if (clientId == null) {
            throw TimeParameters.badRequest("clientId", "body", "must not be null when acting for a client");
        }
        clientCheck.requireBookable(clientId, caller);
        return clientId;
    }
}
