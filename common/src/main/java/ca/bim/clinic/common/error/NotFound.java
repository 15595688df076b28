package ca.bim.clinic.common.error;

/** No such thing, or one the caller may not know exists (404). */
public final class NotFound extends DomainException {

    public NotFound(String detail) {
        super(null, detail);
    }
}
