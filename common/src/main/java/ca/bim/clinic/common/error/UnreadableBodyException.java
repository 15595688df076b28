package ca.bim.clinic.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A request body Jackson could not read (malformed JSON, a string where an object belongs, a wrong field type).
 * {@link InputProblemMappers} answers it with a 400 violations problem naming the field.
 */
public class UnreadableBodyException extends RuntimeException {

    private final transient JsonProcessingException jsonError;

    public UnreadableBodyException(JsonProcessingException jsonError) {
        super(jsonError);
        this.jsonError = jsonError;
    }

    public JsonProcessingException jsonError() {
        return jsonError;
    }
}
