package ca.bim.clinic.client.security;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ca.bim.clinic.client.config.RecordsConfig;
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
    private final RecordsConfig config;

    Caller(SecurityIdentity identity, JsonWebToken token, RecordsConfig config) {
        this.identity = identity;
        this.token = token;
        this.config = config;
    }

    public String subject() {
        return identity.getPrincipal().getName();
    }

    /** The Keycloak username (`preferred_username`), which care relationships and note authorship use. */
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

    /**
     * booking-service calling as itself: a client-credentials token whose authorised party is booking-service and
     * which carries none of the realm's roles (so a user token issued to that client never qualifies by role).
     */
    public boolean isBookingService() {
        return isBookingService(identity, token.getClaim("azp"), config);
    }

    /** The rule of {@link #isBookingService()}, for checks that run before a request-scoped caller exists. */
    static boolean isBookingService(SecurityIdentity identity, Object azp, RecordsConfig config) {
        return !identity.isAnonymous() && config.bookingServiceClientId().equals(azp)
                && ROLES.stream().noneMatch(identity::hasRole);
    }

    /** The role to record when no rule granted anything. */
    public String primaryRole() {
        return ROLES.stream().filter(identity::hasRole).findFirst()
                .orElse(isBookingService() ? SERVICE : "none");
    }

    public Actor as(String role) {
        return new Actor(subject(), username(), role);
    }
}
