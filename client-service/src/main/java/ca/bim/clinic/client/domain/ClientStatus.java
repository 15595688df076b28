package ca.bim.clinic.client.domain;

public enum ClientStatus {
    active,
    archived
}
