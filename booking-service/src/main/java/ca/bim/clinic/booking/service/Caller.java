package ca.bim.clinic.booking.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as far as booking rules care: token subject and username, realm roles and, for a client, the id
 * of their record in client-service.
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> clientId) {

    public static final String CLIENT = "client";
    public static final String THERAPIST = "therapist";
    public static final String FRONT_DESK = "front-desk";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";

    public boolean isStaff() {
        return roles.contains(ADMIN) || roles.contains(FRONT_DESK);
    }

    /** A caller acting for themselves as a client (staff with a client role still act as staff). */
    public boolean isClient() {
        return !isStaff() && roles.contains(CLIENT);
    }

    public boolean isPartner() {
        return !isStaff() && !isClient() && roles.contains(PARTNER);
    }

    public boolean isTherapist() {
        return roles.contains(THERAPIST);
    }

    public UUID requireClientId() {
        return clientId.orElseThrow(() -> new IllegalStateException("client id not resolved for " + subject));
    }
}
