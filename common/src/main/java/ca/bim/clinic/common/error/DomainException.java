package ca.bim.clinic.common.error;

/**
 * A broken business rule that the caller can act on: a conflict (409), an unprocessable request (422), a
 * forbidden action (403). Services throw it; {@link DomainExceptionMapper} turns it into problem+json.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String title;

    public DomainException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static DomainException conflict(String detail) {
        return new DomainException(409, "Conflict", detail);
    }

    public static DomainException unprocessable(String detail) {
        return new DomainException(422, "Unprocessable Content", detail);
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(403, "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
