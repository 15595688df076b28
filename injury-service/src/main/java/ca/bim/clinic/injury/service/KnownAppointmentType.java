package ca.bim.clinic.injury.service;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import ca.bim.clinic.injury.config.CatalogueConfig;

/** A booking code the booking service offers (configured in {@code catalogue.appointment-types}). */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, TYPE_USE })
@Constraint(validatedBy = KnownAppointmentType.Validator.class)
public @interface KnownAppointmentType {

    String message() default "must be an appointment type code the clinic offers";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads the configuration lazily: validators are built at static init, before runtime configuration. */
    @Dependent
    class Validator implements ConstraintValidator<KnownAppointmentType, String> {

        private final Provider<CatalogueConfig> config;

        Validator(Provider<CatalogueConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            return code == null || config.get().appointmentTypes().contains(code);
        }
    }
}
