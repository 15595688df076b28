package ca.bim.clinic.client.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessResource;
import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientSearch;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.security.Actor;
import ca.bim.clinic.client.security.Permission;
import ca.bim.clinic.client.service.RecordAccess.Granted;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.PreconditionFailed;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;
import ca.bim.clinic.common.security.Caller;
import ca.bim.clinic.common.security.RequestCaller;

@ApplicationScoped
public class ClientService {

    @Inject ClientRepository clients;
    @Inject RecordAccess access;
    @Inject AccessLog accessLog;
    @Inject RequestCaller currentCaller;
    @Inject ProfileValidation validation;
    @Inject ObjectMapper json;
    @Inject StandingOutbox standing;
    @Inject Clock clock;

    /** The caller's own profile (role client), recorded as a read. */
    @Transactional
    public Optional<Client> findMine() {
        Caller caller = currentCaller.get();
        Optional<Client> mine = clients.findBySubject(caller.subject());
        mine.ifPresent(client -> accessLog.allowed(client.id, Actor.of(caller, Caller.CLIENT), AccessAction.read,
                AccessResource.profile, null));
        return mine;
    }

    /** Creates a profile; `subject` links it to the caller's own account, null for a walk-in created by staff. */
    @Transactional
    public Client create(ProfileRequest request, String subject, Actor actor) {
        if (subject != null && clients.findBySubject(subject).isPresent()) {
            throw DomainException.conflict("A client profile already exists for this account");
        }
        Instant now = clock.instant();
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.keycloakSubject = subject;
        apply(request, client);
        client.status = ClientStatus.active;
        client.createdAt = now;
        client.updatedAt = now;
        clients.persist(client);
        accessLog.allowed(client.id, actor, AccessAction.create, AccessResource.profile, null);
        // A new id: no other transaction changes this client's standing yet, so no lock is needed.
        standing.record(client);
        return client;
    }

    /** Staff search; each client returned is recorded in their access log as found by search. */
    @Transactional
    public PageResponse<Client> search(ClientSearch criteria, PageRequest page) {
        PageResponse<Client> result = PageResponse.of(clients.search(criteria), page, Function.identity());
        Caller caller = currentCaller.get();
        Actor actor = Actor.of(caller, caller.isAdmin() ? Caller.ADMIN : Caller.FRONT_DESK);
        result.items().forEach(client -> accessLog.allowed(client.id, actor, AccessAction.search,
                AccessResource.profile, null));
        return result;
    }

    @Transactional
    public Granted get(UUID id) {
        return access.require(id, Permission.PROFILE_READ, AccessAction.read, null);
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the profile, provided the caller read the current version: a stale
     * version is 412 so a concurrent change is never overwritten.
     */
    @Transactional
    public Client patch(UUID id, long expectedVersion, ObjectNode patch) {
        Client client = access.require(id, Permission.PROFILE_WRITE, AccessAction.update, null).client();
        if (client.version != expectedVersion) {
            throw stale();
        }
        if (client.status == ClientStatus.archived) {
            throw DomainException.conflict("The client is archived; archived records are read-only");
        }
        ObjectNode current = json.valueToTree(toRequest(client));
        ProfileRequest patched;
        try {
            patched = json.readerFor(ProfileRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(mergePatch(current, patch));
        } catch (JsonProcessingException e) {
            throw new ProfilePatchException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apply(validation.validated(patched), client);
        client.updatedAt = clock.instant();
        try {
            clients.flush();
        } catch (OptimisticLockException e) {
            throw stale();
        }
        return client;
    }

    @Transactional
    public Client archive(UUID id) {
        standing.lock(id);
        Client client = access.require(id, Permission.PROFILE_ARCHIVE, AccessAction.archive, null).client();
        if (client.status == ClientStatus.archived) {
            throw DomainException.conflict("The client is already archived");
        }
        client.status = ClientStatus.archived;
        client.updatedAt = clock.instant();
        standing.record(client);
        return client;
    }

    private static DomainException stale() {
        return new PreconditionFailed("The profile changed since you read it; read it again and reapply your change");
    }

    private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static ProfileRequest toRequest(Client client) {
        ProfileRequest.EmergencyContact contact = client.emergencyContactName == null ? null
                : new ProfileRequest.EmergencyContact(client.emergencyContactName, client.emergencyContactPhone,
                        client.emergencyContactRelationship);
        return new ProfileRequest(client.firstName, client.lastName, client.preferredName, client.email,
                client.phone, client.dateOfBirth, client.preferredLocation, contact);
    }

    private static void apply(ProfileRequest request, Client client) {
        client.firstName = request.firstName().strip();
        client.lastName = request.lastName().strip();
        client.preferredName = request.preferredName();
        client.email = request.email();
        client.phone = request.phone();
        client.dateOfBirth = request.dateOfBirth();
        client.preferredLocation = request.preferredLocation();
        ProfileRequest.EmergencyContact contact = request.emergencyContact();
        client.emergencyContactName = contact == null ? null : contact.name();
        client.emergencyContactPhone = contact == null ? null : contact.phone();
        client.emergencyContactRelationship = contact == null ? null : contact.relationship();
    }
}
