package ca.bim.clinic.client.domain;

public enum AccessOutcome {
    allowed,
    denied
}
