package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.client.domain.NoteAmendment;
import ca.bim.clinic.client.domain.NoteStatus;
import ca.bim.clinic.client.service.NoteService.NoteView;

/** A treatment note with its amendments, oldest first. */
public record NoteResponse(UUID id, UUID clientId, UUID appointmentId, String practitioner, NoteStatus status,
        String subjective, String objective, String assessment, String plan, List<String> techniques,
        Instant createdAt, Instant updatedAt, Instant signedAt, List<Amendment> amendments) {

    @Schema(name = "NoteAmendment")
    public record Amendment(UUID id, String author, String authorRole, String text, String reason,
            Instant createdAt) {

        static Amendment from(NoteAmendment amendment) {
            return new Amendment(amendment.id, amendment.author, amendment.authorRole, amendment.text,
                    amendment.reason, amendment.createdAt);
        }
    }

    static NoteResponse from(NoteView view) {
        var note = view.note();
        return new NoteResponse(note.id, note.clientId, note.appointmentId, note.practitioner, note.status,
                note.subjective, note.objective, note.assessment, note.plan, note.techniques, note.createdAt,
                note.updatedAt, note.signedAt, view.amendments().stream().map(Amendment::from).toList());
    }
}
