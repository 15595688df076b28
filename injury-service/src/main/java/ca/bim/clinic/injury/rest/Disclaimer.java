package ca.bim.clinic.injury.rest;

/** Shown with every entry and technique: the catalogue informs, a clinician diagnoses. */
public final class Disclaimer {

    public static final String TEXT = "This information is for education only and is not a diagnosis. "
            + "See a physician for severe, sudden or worsening pain.";

    private Disclaimer() {
    }
}
