package ca.bim.clinic.client.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.domain.IntakeContent;
import ca.bim.clinic.client.domain.IntakeVersion;
import ca.bim.clinic.client.repository.IntakeVersionRepository;
import ca.bim.clinic.client.security.Permission;
import ca.bim.clinic.client.service.RecordAccess.Granted;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

/** The health history questionnaire: every update is a new version, older versions stay readable. */
@ApplicationScoped
public class IntakeService {

    @Inject IntakeVersionRepository versions;
    @Inject RecordAccess access;
    @Inject Clock clock;

    /** The latest version; empty when the client has not filled in the questionnaire (the read is still logged). */
    @Transactional
    public Optional<IntakeVersion> current(UUID clientId) {
        access.require(clientId, Permission.INTAKE_READ, AccessAction.read, null);
        return versions.findCurrent(clientId);
    }

    @Transactional
    public PageResponse<IntakeVersion> history(UUID clientId, PageRequest page) {
        access.require(clientId, Permission.INTAKE_READ, AccessAction.read, null);
        return PageResponse.of(versions.history(clientId), page, Function.identity());
    }

    @Transactional
    public IntakeVersion record(UUID clientId, IntakeContent content) {
        // Locked so that two concurrent updates get consecutive version numbers.
        Granted granted = access.requireLocked(clientId, Permission.INTAKE_WRITE, AccessAction.update, null);
        if (granted.client().status == ClientStatus.archived) {
            throw DomainException.conflict("The client is archived; archived records are read-only");
        }
        IntakeVersion version = new IntakeVersion();
        version.id = UUID.randomUUID();
        version.clientId = clientId;
        version.version = versions.findCurrent(clientId).map(v -> v.version + 1).orElse(1);
        version.content = content;
        version.recordedAt = clock.instant();
        version.recordedBy = granted.actor().name();
        version.recordedByRole = granted.actor().role();
        versions.persist(version);
        return version;
    }
}
