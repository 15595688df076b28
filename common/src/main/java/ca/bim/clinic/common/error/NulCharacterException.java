package ca.bim.clinic.common.error;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string holding U+0000, which no store of ours accepts; Jackson adds the field's path as it unwinds. */
public class NulCharacterException extends MismatchedInputException {

    public NulCharacterException(JsonParser parser) {
        super(parser, "String value contains U+0000", String.class);
    }
}
