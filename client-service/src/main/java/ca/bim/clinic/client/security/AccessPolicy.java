package ca.bim.clinic.client.security;

import static ca.bim.clinic.client.security.Permission.ACCESS_LOG_READ;
import static ca.bim.clinic.client.security.Permission.CARE_TEAM_READ;
import static ca.bim.clinic.client.security.Permission.CONSENTS_READ;
import static ca.bim.clinic.client.security.Permission.CONSENTS_WRITE;
import static ca.bim.clinic.client.security.Permission.EXPORT;
import static ca.bim.clinic.client.security.Permission.INTAKE_READ;
import static ca.bim.clinic.client.security.Permission.INTAKE_WRITE;
import static ca.bim.clinic.client.security.Permission.NOTES_READ;
import static ca.bim.clinic.client.security.Permission.NOTES_WRITE;
import static ca.bim.clinic.client.security.Permission.PROFILE_ARCHIVE;
import static ca.bim.clinic.client.security.Permission.PROFILE_READ;
import static ca.bim.clinic.client.security.Permission.PROFILE_WRITE;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.common.security.Caller;

/**
 * Who may do what with a client's record; anything not listed is denied.
 * <ul>
 * <li>admin: everything;</li>
 * <li>front desk: profiles (read, change, archive), consents (read, record), the care team (read); never clinical
 * data;</li>
 * <li>therapist: only for clients in their care: profile and consents (read), intake and notes (read, write);</li>
 * <li>client: only their own record: profile, intake, consents (read, change), notes, care team, access log and
 * export (read).</li>
 * </ul>
 * Partners and services have no rule here: partners never read client records, and booking-service reads standings
 * through the internal standing feed. Consents concern partners only; withdrawing one changes nothing for staff.
 */
@ApplicationScoped
public class AccessPolicy {

    private static final Set<Permission> FRONT_DESK = EnumSet.of(PROFILE_READ, PROFILE_WRITE, PROFILE_ARCHIVE,
            CONSENTS_READ, CONSENTS_WRITE, CARE_TEAM_READ);
    private static final Set<Permission> THERAPIST_IN_CARE = EnumSet.of(PROFILE_READ, CONSENTS_READ, INTAKE_READ,
            INTAKE_WRITE, NOTES_READ, NOTES_WRITE);
    private static final Set<Permission> OWN_CLIENT = EnumSet.of(PROFILE_READ, PROFILE_WRITE, INTAKE_READ,
            INTAKE_WRITE, CONSENTS_READ, CONSENTS_WRITE, NOTES_READ, CARE_TEAM_READ, ACCESS_LOG_READ, EXPORT);

    /** The role under which the caller may do it, or empty when no rule allows it. */
    public Optional<String> grantingRole(Caller caller, Client client, Permission permission, BooleanSupplier inCare) {
        if (caller.has(Caller.ADMIN)) {
            return Optional.of(Caller.ADMIN);
        }
        if (caller.has(Caller.FRONT_DESK) && FRONT_DESK.contains(permission)) {
            return Optional.of(Caller.FRONT_DESK);
        }
        if (caller.has(Caller.THERAPIST) && THERAPIST_IN_CARE.contains(permission) && inCare.getAsBoolean()) {
            return Optional.of(Caller.THERAPIST);
        }
        if (caller.has(Caller.CLIENT) && client.isOwnedBy(caller.subject()) && OWN_CLIENT.contains(permission)) {
            return Optional.of(Caller.CLIENT);
        }
        return Optional.empty();
    }
}
