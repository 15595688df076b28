package ca.bim.clinic.common.error;

/** Something this request needs is down for now; retrying later may work (503). */
public final class Unavailable extends DomainException {

    public Unavailable(String detail) {
        super(null, detail);
    }
}
