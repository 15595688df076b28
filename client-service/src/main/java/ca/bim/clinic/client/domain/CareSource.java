package ca.bim.clinic.client.domain;

/** Why a therapist is in a client's care: an admin's explicit grant, or appointments with them. */
public enum CareSource {
    admin,
    booking
}
