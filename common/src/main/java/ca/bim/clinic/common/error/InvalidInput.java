package ca.bim.clinic.common.error;

/** A parameter that could not be read at all, e.g. a cursor not from this feed (400). */
public final class InvalidInput extends DomainException {

    public InvalidInput(String detail) {
        super(null, detail);
    }
}
