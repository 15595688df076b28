package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dated, attributed correction to a signed note; append-only. */
@Entity
@Table(name = "note_amendment")
public class NoteAmendment {

    @Id
    public UUID id;

    public UUID noteId;

    public String author;

    public String authorRole;

    public String text;

    public String reason;

    public Instant createdAt;
}
