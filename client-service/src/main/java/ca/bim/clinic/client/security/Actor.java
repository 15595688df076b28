package ca.bim.clinic.client.security;

/** Who did something, as written into the access log and the histories: never personal data of a client. */
public record Actor(String subject, String name, String role) {

    /** A service acting on its own account, e.g. booking events adding a care relationship. */
    public static Actor service(String clientId) {
        return new Actor(clientId, clientId, "service");
    }
}
