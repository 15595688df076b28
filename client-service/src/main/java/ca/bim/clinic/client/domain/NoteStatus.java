package ca.bim.clinic.client.domain;

public enum NoteStatus {
    draft,
    signed
}
