package ca.bim.clinic.common.error;

import java.util.Optional;

/**
 * A broken business rule the caller can act on, said in the domain's terms: {@link NotFound}, {@link Conflict},
 * {@link Forbidden}, {@link Gone}, {@link PreconditionFailed}, {@link PreconditionRequired}, {@link Unprocessable},
 * {@link InvalidInput}, {@link Unavailable}. Code throws one of these and never picks an HTTP status;
 * {@link DomainExceptionMapper} alone turns each kind into its problem+json answer.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, Forbidden, Gone, PreconditionFailed, PreconditionRequired, Unprocessable,
        InvalidInput, Unavailable {

    private final String title;

    /** {@code title} replaces the kind's usual title (e.g. "Slot not available" for a conflict); null keeps it. */
    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    /** Shorthand for {@code new Conflict(detail)}. */
    public static Conflict conflict(String detail) {
        return new Conflict(detail);
    }

    /** Shorthand for {@code new Unprocessable(detail)}. */
    public static Unprocessable unprocessable(String detail) {
        return new Unprocessable(detail);
    }

    /** Shorthand for {@code new Forbidden(detail)}. */
    public static Forbidden forbidden(String detail) {
        return new Forbidden(detail);
    }

    public Optional<String> title() {
        return Optional.ofNullable(title);
    }
}
