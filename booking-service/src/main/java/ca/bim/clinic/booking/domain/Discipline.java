package ca.bim.clinic.booking.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a practitioner is registered to deliver; appointment types list the disciplines that may deliver them. */
public enum Discipline {
    @JsonProperty("massage-therapy") MASSAGE_THERAPY,
    @JsonProperty("kinesiology") KINESIOLOGY
}
