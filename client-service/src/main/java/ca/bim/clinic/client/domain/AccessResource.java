package ca.bim.clinic.client.domain;

/** Which part of a client's record an access touched. */
public enum AccessResource {
    profile,
    intake,
    consents,
    notes,
    careTeam,
    accessLog,
    export,
    /** The client's appointments, read in booking-service (recorded from its events). */
    appointments
}
