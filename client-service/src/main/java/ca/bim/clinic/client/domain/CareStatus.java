package ca.bim.clinic.client.domain;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** An appointment's state as far as care is concerned, stored by its wire code. */
public enum CareStatus {
    BOOKED("booked"),
    CHECKED_IN("checked-in"),
    COMPLETED("completed"),
    NO_SHOW("no-show"),
    CANCELLED("cancelled");

    /** The states in which an appointment puts its therapist in the client's care. */
    public static final Set<CareStatus> GRANTING = EnumSet.of(BOOKED, CHECKED_IN, COMPLETED, NO_SHOW);

    private final String code;

    CareStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CareStatus fromCode(String code) {
        for (CareStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown care status");
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<CareStatus, String> {

        @Override
        public String convertToDatabaseColumn(CareStatus status) {
            return status == null ? null : status.code;
        }

        @Override
        public CareStatus convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
