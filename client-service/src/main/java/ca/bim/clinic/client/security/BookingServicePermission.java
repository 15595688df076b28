package ca.bim.clinic.client.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import ca.bim.clinic.client.config.RecordsConfig;
import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Permissions held only by booking-service's own service account ({@link Caller#isBookingService()}). Checked by
 * {@code @PermissionsAllowed} before the request body is read, so nobody else learns anything from its parsing.
 */
@ApplicationScoped
public class BookingServicePermission {

    /** Delivering appointment events to {@code /internal/v1/booking-events}. */
    public static final String DELIVER_EVENTS = "booking-events:deliver";

    private final RecordsConfig config;

    BookingServicePermission(RecordsConfig config) {
        this.config = config;
    }

    @PermissionChecker(DELIVER_EVENTS)
    boolean canDeliverEvents(SecurityIdentity identity) {
        Object azp = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        return Caller.isBookingService(identity, azp, config);
    }
}
