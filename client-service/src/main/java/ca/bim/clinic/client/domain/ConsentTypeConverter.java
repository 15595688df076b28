package ca.bim.clinic.client.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class ConsentTypeConverter implements AttributeConverter<ConsentType, String> {

    @Override
    public String convertToDatabaseColumn(ConsentType type) {
        return type == null ? null : type.code();
    }

    @Override
    public ConsentType convertToEntityAttribute(String code) {
        return code == null ? null : ConsentType.fromCode(code);
    }
}
