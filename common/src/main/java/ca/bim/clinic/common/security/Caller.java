package ca.bim.clinic.common.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, in the clinic's one role vocabulary (the Keycloak realm roles): token subject, username, roles
 * and, where a service resolved it, the id of the caller's own client record (booking-service fetches it from
 * client-service for callers acting as clients; elsewhere it is empty).
 * <p>
 * "Staff" means the people who run the front of the clinic on anyone's behalf: admin and front desk. A therapist
 * is not staff in this sense: what a therapist may do depends on the appointment or the client (their own
 * appointments, clients in their care), so every rule asks {@link #isTherapist()} separately.
 */
public record Caller(String subject, String username, Set<String> roles, Optional<UUID> clientId) {

    public static final String ADMIN = "admin";
    public static final String FRONT_DESK = "front-desk";
    public static final String THERAPIST = "therapist";
    public static final String CLIENT = "client";
    public static final String PARTNER = "partner";

    /** Most privileged first: the role recorded for a caller that holds several. */
    public static final List<String> ROLES = List.of(ADMIN, FRONT_DESK, THERAPIST, CLIENT, PARTNER);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String subject, String username, Set<String> roles) {
        this(subject, username, roles, Optional.empty());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(ADMIN);
    }

    /** Admin or front desk (see the class comment: therapists are not staff). */
    public boolean isStaff() {
        return has(ADMIN) || has(FRONT_DESK);
    }

    public boolean isTherapist() {
        return has(THERAPIST);
    }

    /** A caller acting for themselves as a client (staff with a client role still act as staff). */
    public boolean isClient() {
        return !isStaff() && has(CLIENT);
    }

    /** A partner system acting as such (not staff, not a client). */
    public boolean isPartner() {
        return !isStaff() && !isClient() && has(PARTNER);
    }

    /** The most privileged clinic role the caller holds, if any. */
    public Optional<String> primaryRole() {
        return ROLES.stream().filter(this::has).findFirst();
    }

    public Caller withClientId(UUID id) {
        return new Caller(subject, username, roles, Optional.of(id));
    }

    public UUID requireClientId() {
        return clientId.orElseThrow(() -> new IllegalStateException("client id not resolved for " + subject));
    }
}
