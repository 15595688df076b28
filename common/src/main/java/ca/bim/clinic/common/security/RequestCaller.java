package ca.bim.clinic.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The {@link Caller} of the current request, read from its verified token; for a caller acting as a client the
 * client record id too, where the service provides an {@link OwnClientRecord}.
 */
@RequestScoped
public class RequestCaller {

    @Inject SecurityIdentity identity;
    @Inject JsonWebToken token;
    @Inject Instance<OwnClientRecord> clientRecords;

    public Caller get() {
        Caller caller = new Caller(identity.getPrincipal().getName(), username(), identity.getRoles());
        return caller.isClient() && clientRecords.isResolvable()
                ? caller.withClientId(clientRecords.get().of(caller.subject()))
                : caller;
    }

    /** The Keycloak username; a service account without one is named by its client id, else by its subject. */
    private String username() {
        String username = token.getClaim("preferred_username");
        if (username != null) {
            return username;
        }
        String azp = token.getClaim("azp");
        return azp != null ? azp : identity.getPrincipal().getName();
    }
}
