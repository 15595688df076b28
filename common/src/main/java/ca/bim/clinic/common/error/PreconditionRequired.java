package ca.bim.clinic.common.error;

/** A change that must name the version it changes (If-Match) came without one (428). */
public final class PreconditionRequired extends DomainException {

    public PreconditionRequired(String detail) {
        super(null, detail);
    }
}
