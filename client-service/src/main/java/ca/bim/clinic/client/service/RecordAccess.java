package ca.bim.clinic.client.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.security.AccessPolicy;
import ca.bim.clinic.client.security.Actor;
import ca.bim.clinic.client.security.Permission;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;

/**
 * The gate in front of every client record: loads the client, applies the {@link AccessPolicy} and records the
 * access. A refused caller who is neither staff nor the record's owner (another client, a partner) gets the same
 * 404 as for an unknown id, so an id never reveals that a record exists; refused staff and owners get 403.
 */
@ApplicationScoped
public class RecordAccess {

    public static final String NO_SUCH_CLIENT = "No client record with this id";

    @Inject ClientRepository clients;
    @Inject CareRule care;
    @Inject AccessPolicy policy;
    @Inject AccessLog accessLog;
    @Inject RequestCaller currentCaller;

    /** A permitted access recorded in the current transaction, with the actor it was permitted as. */
    public record Granted(Client client, Actor actor) {
    }

    /** Checks the access and records it in the current transaction. */
    @Transactional(TxType.MANDATORY)
    public Granted require(UUID clientId, Permission permission, AccessAction action, UUID resourceId) {
        Granted granted = check(clientId, permission, action, resourceId);
        accessLog.allowed(clientId, granted.actor(), action, permission.resource(), resourceId);
        return granted;
    }

    /** Checks the access and records only a refusal; the caller records the change itself. */
    @Transactional(TxType.MANDATORY)
    public Granted check(UUID clientId, Permission permission, AccessAction action, UUID resourceId) {
        Client client = clients.findByIdOptional(clientId).orElseThrow(() -> new NotFound(NO_SUCH_CLIENT));
        Caller caller = currentCaller.get();
        String role = policy.grantingRole(caller, client, permission,
                () -> care.inCare(clientId, caller.subject()))
                .orElse(null);
        if (role == null) {
            accessLog.denied(clientId, Actor.of(caller, Actor.roleOf(caller)), action, permission.resource(),
                    resourceId);
            // Staff and therapists know the record exists; anyone else must not learn it does.
            if (caller.isStaff() || caller.isTherapist() || client.isOwnedBy(caller.subject())) {
                throw DomainException.forbidden("Your role does not give access to this part of the record");
            }
            throw new NotFound(NO_SUCH_CLIENT);
        }
        return new Granted(client, Actor.of(caller, role));
    }

    /**
     * Like {@link #require}, and locks the client row first, serialising writers of one record (e.g. numbering
     * intake versions). The lock is taken after the check (a refusal is logged in its own transaction, whose
     * foreign-key check would wait on it) and before the log entry (whose foreign-key share lock would make two
     * writers deadlock on the upgrade).
     */
    @Transactional(TxType.MANDATORY)
    public Granted requireLocked(UUID clientId, Permission permission, AccessAction action, UUID resourceId) {
        Granted granted = check(clientId, permission, action, resourceId);
        clients.getEntityManager().refresh(granted.client(), LockModeType.PESSIMISTIC_WRITE);
        accessLog.allowed(clientId, granted.actor(), action, permission.resource(), resourceId);
        return granted;
    }

    /** Records a refusal found after access was granted (e.g. signing someone else's note) and returns the 403. */
    public DomainException refuse(Granted granted, Permission permission, AccessAction action, UUID resourceId,
            String detail) {
        accessLog.denied(granted.client().id, granted.actor(), action, permission.resource(), resourceId);
        return DomainException.forbidden(detail);
    }
}
