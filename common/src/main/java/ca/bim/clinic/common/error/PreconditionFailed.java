package ca.bim.clinic.common.error;

/** The If-Match given does not name the current version (412). */
public final class PreconditionFailed extends DomainException {

    public PreconditionFailed(String detail) {
        super(null, detail);
    }
}
