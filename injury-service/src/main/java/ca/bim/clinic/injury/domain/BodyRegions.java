package ca.bim.clinic.injury.domain;

/** The body regions an entry can be filed under; the table's check constraint lists the same values. */
public final class BodyRegions {

    public static final String PATTERN = "^(low-back|hip|thigh|knee|lower-leg|ankle|foot)$";
    public static final String MESSAGE = "must be one of low-back, hip, thigh, knee, lower-leg, ankle, foot";

    private BodyRegions() {
    }
}
