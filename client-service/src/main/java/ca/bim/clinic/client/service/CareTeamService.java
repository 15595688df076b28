package ca.bim.clinic.client.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import ca.bim.clinic.client.config.RecordsConfig;
import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessResource;
import ca.bim.clinic.client.domain.CareRelationship;
import ca.bim.clinic.client.domain.CareSource;
import ca.bim.clinic.client.repository.CareRelationshipRepository;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.security.Actor;
import ca.bim.clinic.client.security.Permission;

/**
 * Care relationships: which therapist (by Keycloak username) may see a client's clinical data. Admins manage them
 * over HTTP; booking events add them through {@link BookingEventService}.
 */
@ApplicationScoped
public class CareTeamService {

    private final CareRelationshipRepository relationships;
    private final ClientRepository clients;
    private final RecordAccess access;
    private final AccessLog accessLog;
    private final RecordsConfig config;
    private final Clock clock;

    CareTeamService(CareRelationshipRepository relationships, ClientRepository clients, RecordAccess access,
            AccessLog accessLog, RecordsConfig config, Clock clock) {
        this.config = config;
        this.relationships = relationships;
        this.clients = clients;
        this.access = access;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public List<CareRelationship> list(UUID clientId) {
        access.require(clientId, Permission.CARE_TEAM_READ, AccessAction.read, null);
        return relationships.ofClient(clientId);
    }

    /** The admin endpoint: checks the caller, then adds as them. */
    @Transactional
    public boolean addAsCaller(UUID clientId, String therapistUsername) {
        Actor actor = access.check(clientId, Permission.CARE_TEAM_WRITE, AccessAction.add, null).actor();
        return add(clientId, therapistUsername, CareSource.admin, actor);
    }

    /**
     * For booking events (no HTTP caller): adds with booking-service's identity as the actor, or this service's
     * own for other sources.
     */
    @Transactional
    public boolean add(UUID clientId, String therapistUsername, CareSource source) {
        String actor = source == CareSource.booking ? config.bookingServiceClientId() : "client-service";
        return add(clientId, therapistUsername, source, Actor.service(actor));
    }

    /**
     * Puts a therapist in a client's care team unless already there (idempotent, safe under concurrent adds) and
     * records the change in the client's access log in the same transaction. Returns whether it was added. The
     * caller has authorised {@code actor}; for booking events use {@link Actor#service(String)}.
     */
    @Transactional
    public boolean add(UUID clientId, String therapistUsername, CareSource source, Actor actor) {
        if (clients.findByIdOptional(clientId).isEmpty()) {
            throw new NotFoundException(RecordAccess.NO_SUCH_CLIENT);
        }
        boolean added = relationships.addIfAbsent(clientId, therapistUsername, source, clock.instant(), actor.name());
        if (added) {
            accessLog.allowed(clientId, actor, AccessAction.add, AccessResource.careTeam, null);
        }
        return added;
    }

    @Transactional
    public boolean remove(UUID clientId, String therapistUsername) {
        access.require(clientId, Permission.CARE_TEAM_WRITE, AccessAction.remove, null);
        return relationships.remove(clientId, therapistUsername);
    }
}
