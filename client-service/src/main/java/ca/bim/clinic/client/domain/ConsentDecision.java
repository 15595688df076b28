package ca.bim.clinic.client.domain;

public enum ConsentDecision {
    granted,
    withdrawn
}
