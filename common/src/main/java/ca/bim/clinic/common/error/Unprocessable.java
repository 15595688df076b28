package ca.bim.clinic.common.error;

/** Well-formed, but against a business rule (422). */
public final class Unprocessable extends DomainException {

    public Unprocessable(String detail) {
        super(null, detail);
    }
}
