package ca.bim.clinic.client.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The consents a client gives or withdraws. */
@Schema(type = SchemaType.STRING, enumeration = { "treatment", "data-sharing", "marketing-email" })
public enum ConsentType {
    TREATMENT("treatment"),
    /** Sharing with partner clinics. */
    DATA_SHARING("data-sharing"),
    MARKETING_EMAIL("marketing-email");

    private final String code;

    ConsentType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static ConsentType fromCode(String code) {
        for (ConsentType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown consent");
    }
}
