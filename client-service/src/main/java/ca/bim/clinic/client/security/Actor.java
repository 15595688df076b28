package ca.bim.clinic.client.security;

import ca.bim.clinic.common.security.Caller;

/** Who did something, as written into the access log and the histories: never personal data of a client. */
public record Actor(String subject, String name, String role) {

    /** The caller acting in {@code role}. */
    public static Actor of(Caller caller, String role) {
        return new Actor(caller.subject(), caller.username(), role);
    }

    /**
     * The role to record when no rule granted anything: the caller's most privileged clinic role, {@code service}
     * for a service account (recognised by a service role granted to its Keycloak client), else {@code none}.
     */
    public static String roleOf(Caller caller) {
        return caller.primaryRole().orElse(caller.has(ServiceRoles.BOOKING_EVENTS_WRITE)
                || caller.has(ServiceRoles.CLIENT_STANDING_READ) ? "service" : "none");
    }

    /** A service acting on its own account, e.g. booking events adding a care relationship. */
    public static Actor service(String clientId) {
        return new Actor(clientId, clientId, "service");
    }
}
