package ca.bim.clinic.client.security;

/**
 * Keycloak client roles of the {@code client-service} client, granted to other services' service accounts (today
 * only booking-service's). A service is recognised by the role it holds, never by its client id or by lacking
 * realm roles.
 */
public final class ServiceRoles {

    /** Delivering appointment and access-log events to {@code /internal/v1/booking-events}. */
    public static final String BOOKING_EVENTS_WRITE = "booking-events:write";

    /** Reading the standing feed and single standings under {@code /internal/v1/client-standing}. */
    public static final String CLIENT_STANDING_READ = "client-standing:read";

    private ServiceRoles() {
    }
}
