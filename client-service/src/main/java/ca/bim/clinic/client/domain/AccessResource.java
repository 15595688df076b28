package ca.bim.clinic.client.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which part of a client's record an access touched. */
public enum AccessResource {
    profile,
    intake,
    consents,
    notes,
    @JsonProperty("care-team") careTeam,
    @JsonProperty("access-log") accessLog,
    export,
    /** The client's appointments, read in booking-service (recorded from its events). */
    appointments
}
