package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dated, attributed correction to a signed note; append-only. */
@Entity
@Table(name = "note_amendment")
public class NoteAmendment {

    @Id
    public UUID id;

    @Column(name = "note_id", nullable = false)
    public UUID noteId;

    @Column(nullable = false)
    public String author;

    @Column(name = "author_role", nullable = false)
    public String authorRole;

    @Column(nullable = false)
    public String text;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
