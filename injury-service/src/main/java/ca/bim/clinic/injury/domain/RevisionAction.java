package ca.bim.clinic.injury.domain;

/** The kind of change a revision records. */
public enum RevisionAction {
    created,
    updated,
    published,
    unpublished,
    deleted
}
