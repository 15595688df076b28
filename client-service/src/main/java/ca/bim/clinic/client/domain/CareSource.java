package ca.bim.clinic.client.domain;

/** Why a therapist is in a client's care team: an admin added them, or a booking with them did. */
public enum CareSource {
    admin,
    booking
}
