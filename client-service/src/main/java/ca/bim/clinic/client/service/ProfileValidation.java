package ca.bim.clinic.client.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Validates a profile built from a merge patch, so a patch can never leave an invalid profile behind. */
@ApplicationScoped
public class ProfileValidation {

    @Inject Validator validator;

    public ProfileRequest validated(ProfileRequest profile) {
        Set<ConstraintViolation<ProfileRequest>> violations = validator.validate(profile);
        if (!violations.isEmpty()) {
            throw new InvalidProfileException(violations);
        }
        return profile;
    }

    /** The violations, with paths relative to the profile (e.g. `emergencyContact.phone`). */
    public static class InvalidProfileException extends RuntimeException {

        private final transient Set<ConstraintViolation<ProfileRequest>> violations;

        InvalidProfileException(Set<ConstraintViolation<ProfileRequest>> violations) {
            super("The patched profile is not valid");
            this.violations = violations;
        }

        public Set<ConstraintViolation<ProfileRequest>> violations() {
            return violations;
        }
    }
}
