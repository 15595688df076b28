package ca.bim.clinic.booking.domain;

/** What a practitioner is registered to deliver; appointment types list the disciplines that may deliver them. */
public enum Discipline {
    MASSAGE_THERAPY,
    KINESIOLOGY
}
