package ca.bim.clinic.client.security;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated caller of the current request, seen through the clinic's roles. */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String FRONT_DESK = "front-desk";
    public static final String THERAPIST = "therapist";
    public static final String CLIENT = "client";
    public static final String PARTNER = "partner";
    public static final String SERVICE = "service";

    /** Most privileged first: the role recorded for a caller that holds several. */
    private static final List<String> ROLES = List.of(ADMIN, FRONT_DESK, THERAPIST, CLIENT, PARTNER);

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    /** The Keycloak username (`preferred_username`): note authorship and display; care is keyed on {@link #subject()}. */
    public String username() {
        String username = token.getClaim("preferred_username");
        if (username != null) {
            return username;
        }
        String azp = token.getClaim("azp");
        return azp != null ? azp : subject();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isStaff() {
        return has(ADMIN) || has(FRONT_DESK) || has(THERAPIST);
    }

    /** The role to record when no rule granted anything. */
    public String primaryRole() {
        return ROLES.stream().filter(identity::hasRole).findFirst()
                .orElse(isService() ? SERVICE : "none");
    }

    /** A service calling as itself, recognised by a service role granted to its Keycloak client. */
    public boolean isService() {
        return has(ServiceRoles.BOOKING_EVENTS_WRITE) || has(ServiceRoles.CLIENT_STANDING_READ);
    }

    public Actor as(String role) {
        return new Actor(subject(), username(), role);
    }
}
