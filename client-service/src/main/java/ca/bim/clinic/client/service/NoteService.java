package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.ClientStatus;
import ca.bim.clinic.client.domain.NoteAmendment;
import ca.bim.clinic.client.domain.NoteStatus;
import ca.bim.clinic.client.domain.TreatmentNote;
import ca.bim.clinic.client.repository.NoteAmendmentRepository;
import ca.bim.clinic.client.repository.TreatmentNoteRepository;
import ca.bim.clinic.client.security.Permission;
import ca.bim.clinic.client.service.RecordAccess.Granted;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.NotFound;
import ca.bim.clinic.common.rest.PageRequest;
import ca.bim.clinic.common.rest.PageResponse;

/**
 * SOAP treatment notes. A draft is edited only by its author and becomes immutable when the author signs it;
 * corrections to a signed note are amendments, dated and attributed, shown with the note.
 */
@ApplicationScoped
public class NoteService {

    public static final String NO_SUCH_NOTE = "No treatment note with this id for this client";

    @Inject TreatmentNoteRepository notes;
    @Inject NoteAmendmentRepository amendments;
    @Inject RecordAccess access;
    @Inject Clock clock;

    public record NoteView(TreatmentNote note, List<NoteAmendment> amendments) {
    }

    @Transactional
    public PageResponse<NoteView> list(UUID clientId, PageRequest page) {
        access.require(clientId, Permission.NOTES_READ, AccessAction.read, null);
        PageResponse<TreatmentNote> found = PageResponse.of(notes.ofClient(clientId), page, Function.identity());
        List<NoteView> views = withAmendments(found.items());
        return new PageResponse<>(views, found.page(), found.size(), found.totalItems(), found.totalPages());
    }

    /** Every note with its amendments, newest first (for the export; the caller has checked access). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<NoteView> all(UUID clientId) {
        return withAmendments(notes.ofClient(clientId).list());
    }

    @Transactional
    public Optional<NoteView> get(UUID clientId, UUID noteId) {
        access.require(clientId, Permission.NOTES_READ, AccessAction.read, noteId);
        return notes.findOfClient(clientId, noteId, false).map(note -> withAmendments(List.of(note)).get(0));
    }

    @Transactional
    public NoteView create(UUID clientId, NoteRequest request) {
        Granted granted = access.require(clientId, Permission.NOTES_WRITE, AccessAction.create, null);
        if (request.practitioner() != null && !request.practitioner().equals(granted.actor().name())) {
            throw access.refuse(granted, Permission.NOTES_WRITE, AccessAction.create, null,
                    "Treatment notes are written only under your own name");
        }
        if (granted.client().status == ClientStatus.archived) {
            throw DomainException.conflict("The client is archived; archived records are read-only");
        }
        Instant now = clock.instant();
        TreatmentNote note = new TreatmentNote();
        note.id = UUID.randomUUID();
        note.clientId = clientId;
        note.practitioner = granted.actor().name();
        note.status = NoteStatus.draft;
        note.createdAt = now;
        apply(request, note, now);
        notes.persist(note);
        return new NoteView(note, List.of());
    }

    @Transactional
    public NoteView updateDraft(UUID clientId, UUID noteId, NoteRequest request) {
        Granted granted = access.require(clientId, Permission.NOTES_WRITE, AccessAction.update, noteId);
        TreatmentNote note = lockedNote(clientId, noteId);
        requireAuthor(granted, note, AccessAction.update, "Only the author edits a draft note");
        if (note.status == NoteStatus.signed) {
            throw DomainException.conflict("A signed note never changes; add an amendment instead");
        }
        if (request.practitioner() != null && !request.practitioner().equals(note.practitioner)) {
            throw DomainException.unprocessable("The author of a note cannot be changed");
        }
        apply(request, note, clock.instant());
        return new NoteView(note, List.of());
    }

    @Transactional
    public NoteView sign(UUID clientId, UUID noteId) {
        Granted granted = access.require(clientId, Permission.NOTES_WRITE, AccessAction.sign, noteId);
        TreatmentNote note = lockedNote(clientId, noteId);
        requireAuthor(granted, note, AccessAction.sign, "Only the author signs a note");
        if (note.status == NoteStatus.signed) {
            throw DomainException.conflict("The note is already signed");
        }
        Instant now = clock.instant();
        note.status = NoteStatus.signed;
        note.signedAt = now;
        note.updatedAt = now;
        return new NoteView(note, List.of());
    }

    @Transactional
    public NoteAmendment amend(UUID clientId, UUID noteId, AmendmentRequest request) {
        Granted granted = access.require(clientId, Permission.NOTES_WRITE, AccessAction.amend, noteId);
        TreatmentNote note = notes.findOfClient(clientId, noteId, false)
                .orElseThrow(() -> new NotFound(NO_SUCH_NOTE));
        if (note.status != NoteStatus.signed) {
            throw DomainException.conflict("A draft is corrected by editing it; only signed notes take amendments");
        }
        NoteAmendment amendment = new NoteAmendment();
        amendment.id = UUID.randomUUID();
        amendment.noteId = noteId;
        amendment.author = granted.actor().name();
        amendment.authorRole = granted.actor().role();
        amendment.text = request.text();
        amendment.reason = request.reason();
        amendment.createdAt = clock.instant();
        amendments.persist(amendment);
        return amendment;
    }

    private TreatmentNote lockedNote(UUID clientId, UUID noteId) {
        return notes.findOfClient(clientId, noteId, true).orElseThrow(() -> new NotFound(NO_SUCH_NOTE));
    }

    private void requireAuthor(Granted granted, TreatmentNote note, AccessAction action, String detail) {
        if (!note.practitioner.equals(granted.actor().name())) {
            throw access.refuse(granted, Permission.NOTES_WRITE, action, note.id, detail);
        }
    }

    private List<NoteView> withAmendments(List<TreatmentNote> page) {
        Map<UUID, List<NoteAmendment>> byNote = amendments.ofNotes(page.stream().map(n -> n.id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.noteId));
        return page.stream().map(note -> new NoteView(note, byNote.getOrDefault(note.id, List.of()))).toList();
    }

    private static void apply(NoteRequest request, TreatmentNote note, Instant now) {
        note.appointmentId = request.appointmentId();
        note.subjective = request.subjective();
        note.objective = request.objective();
        note.assessment = request.assessment();
        note.plan = request.plan();
        note.techniques = request.techniques() == null ? List.of() : List.copyOf(request.techniques());
        note.updatedAt = now;
    }
}
