package ca.bim.clinic.client.security;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

/** The id of the current request: the gateway's `X-Request-Id` when it is well-formed, else a new one. */
@RequestScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";

    // Anything else is replaced, so a header cannot smuggle personal data or control characters into the log.
    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private String value;

    void accept(String header) {
        value = header != null && SAFE.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }

    public String value() {
        if (value == null) {
            value = UUID.randomUUID().toString();
        }
        return value;
    }
}
