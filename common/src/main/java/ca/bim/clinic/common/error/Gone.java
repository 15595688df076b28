package ca.bim.clinic.common.error;

/** What was asked for existed once and has been removed for good (410). */
public final class Gone extends DomainException {

    public Gone(String detail) {
        super(null, detail);
    }
}
