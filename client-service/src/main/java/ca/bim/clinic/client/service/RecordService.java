package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessLogEntry;
import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ConsentEvent;
import ca.bim.clinic.client.domain.IntakeVersion;
import ca.bim.clinic.client.repository.AccessLogRepository;
import ca.bim.clinic.client.repository.ConsentEventRepository;
import ca.bim.clinic.client.repository.IntakeVersionRepository;
import ca.bim.clinic.client.security.Permission;
import ca.bim.clinic.client.service.NoteService.NoteView;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

/** The client's right of access: who saw or changed their record, and everything held about them. */
@ApplicationScoped
public class RecordService {

    @Inject RecordAccess access;
    @Inject AccessLogRepository accessLog;
    @Inject IntakeVersionRepository intake;
    @Inject ConsentEventRepository consents;
    @Inject CareRule careTeam;
    @Inject NoteService notes;
    @Inject Clock clock;

    /** Newest first; this read is itself the first entry. */
    @Transactional
    public PageResponse<AccessLogEntry> accessLog(UUID clientId, PageRequest page) {
        access.require(clientId, Permission.ACCESS_LOG_READ, AccessAction.read, null);
        return PageResponse.of(accessLog.ofClient(clientId), page, Function.identity());
    }

    public record Export(Instant exportedAt, Client profile, List<IntakeVersion> intakeHistory,
            List<ConsentEvent> consentHistory, List<NoteView> notes, List<CareRule.Member> careTeam,
            List<AccessLogEntry> accessLog) {
    }

    /** One consistent snapshot of the whole record, the export itself included in its access log. */
    @Transactional
    public Export export(UUID clientId) {
        Client client = access.require(clientId, Permission.EXPORT, AccessAction.export, null).client();
        accessLog.flush();
        return new Export(clock.instant(), client, intake.listAll(clientId), consents.history(clientId),
                notes.all(clientId), careTeam.members(clientId), accessLog.ofClient(clientId).list());
    }
}
