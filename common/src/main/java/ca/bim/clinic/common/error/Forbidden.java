package ca.bim.clinic.common.error;

/** The caller is known but their role does not allow this (403). */
public final class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super(null, detail);
    }
}
