package ca.bim.clinic.common.error;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that cannot be converted to its declared type. It is a WebApplicationException
 * on purpose: Quarkus REST passes those through unchanged, where any other conversion failure of a query or path
 * parameter becomes an anonymous 404.
 */
public class InvalidParameterException extends BadRequestException {

    private final String name;
    private final String in;
    private final String reason;

    public InvalidParameterException(String name, String in, String reason) {
        super(name + " " + reason);
        this.name = name;
        this.in = in;
        this.reason = reason;
    }

    public String name() {
        return name;
    }

    public String in() {
        return in;
    }

    public String reason() {
        return reason;
    }
}
