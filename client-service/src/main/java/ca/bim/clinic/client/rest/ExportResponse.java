package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.List;

import ca.bim.clinic.client.service.RecordService.Export;

/** Everything held about a client, as one document. */
public record ExportResponse(Instant exportedAt, ClientResponse profile, List<IntakeResponse> intakeHistory,
        ConsentsResponse consents, List<NoteResponse> notes, List<CareTeamMember> careTeam,
        List<AccessLogResponse> accessLog) {

    static ExportResponse from(Export export) {
        return new ExportResponse(export.exportedAt(), ClientResponse.from(export.profile()),
                export.intakeHistory().stream().map(IntakeResponse::from).toList(),
                ConsentsResponse.from(export.profile().id, export.consentHistory()),
                export.notes().stream().map(NoteResponse::from).toList(),
                export.careTeam().stream().map(CareTeamMember::from).toList(),
                export.accessLog().stream().map(AccessLogResponse::from).toList());
    }
}
