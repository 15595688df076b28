package ca.bim.clinic.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A merge patch whose result is not a profile (unknown field, wrong type); a 400 naming the field. */
public class ProfilePatchException extends RuntimeException {

    private final transient JsonProcessingException cause;

    public ProfilePatchException(JsonProcessingException cause) {
        super(cause);
        this.cause = cause;
    }

    public JsonProcessingException jsonError() {
        return cause;
    }
}
