package ca.bim.clinic.injury.domain;

public enum InjuryStatus {
    draft,
    published
}
