package ca.bim.clinic.common.error;

/** The request clashes with the current state, e.g. a slot already taken (409). */
public final class Conflict extends DomainException {

    public Conflict(String detail) {
        super(null, detail);
    }

    public Conflict(String title, String detail) {
        super(title, detail);
    }
}
