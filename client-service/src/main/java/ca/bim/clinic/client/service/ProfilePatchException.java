package ca.bim.clinic.client.service;

import com.fasterxml.jackson.core.JsonProcessingException;

import ca.bim.clinic.common.error.UnreadableBodyException;

/**
 * A merge patch whose result is not a profile (unknown field, wrong type): a body Jackson could not read, answered
 * by client-service's own mapper with a detail that names the patched profile.
 */
public class ProfilePatchException extends UnreadableBodyException {

    public ProfilePatchException(JsonProcessingException cause) {
        super(cause);
    }
}
