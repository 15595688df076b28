package ca.bim.clinic.common.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request, read from its verified token. */
@RequestScoped
public class RequestCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    RequestCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        return new Caller(identity.getPrincipal().getName(), username(), identity.getRoles());
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
