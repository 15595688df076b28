package ca.bim.clinic.booking.rest;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ca.bim.clinic.booking.service.Caller;
import ca.bim.clinic.booking.service.ClientIds;
import io.quarkus.security.identity.SecurityIdentity;

/** Builds the {@link Caller} of the current request; the client id is fetched only for callers acting as clients. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final ClientIds clientIds;

    CurrentCaller(SecurityIdentity identity, JsonWebToken token, ClientIds clientIds) {
        this.identity = identity;
        this.token = token;
        this.clientIds = clientIds;
    }

    public Caller get() {
        Caller caller = new Caller(identity.getPrincipal().getName(), token.getClaim("preferred_username"),
                identity.getRoles(), Optional.empty());
        if (caller.isClient()) {
            return new Caller(caller.subject(), caller.username(), caller.roles(),
                    Optional.of(clientIds.of(caller.subject())));
        }
        return caller;
    }
}
