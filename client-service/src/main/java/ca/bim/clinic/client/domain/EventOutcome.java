package ca.bim.clinic.client.domain;

/** What consuming a booking event did, kept with the event id for operators. */
public enum EventOutcome {
    /** The event's effect was applied (e.g. the practitioner is now in the care team). */
    applied,
    /** A known event that asks nothing of this service (a cancellation, or a practitioner without a login). */
    noEffect,
    /** The event names a client this service has no record of; nothing to apply, and redelivery would not help. */
    unknownClient,
    /** A type this version does not know (a newer producer): accepted and ignored. */
    unknownType
}
