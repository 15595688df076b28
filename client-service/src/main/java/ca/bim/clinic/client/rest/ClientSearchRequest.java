package ca.bim.clinic.client.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import ca.bim.clinic.client.service.ProfileRequest;

/** Search criteria, sent in a body so that personal data stays out of URLs and access logs. */
public record ClientSearchRequest(
        @Schema(description = "Case-insensitive prefix of the last name") @Size(min = 1, max = 100) String lastName,
        @Schema(description = "Case-insensitive prefix of the first name") @Size(min = 1, max = 100) String firstName,
        @Schema(description = "Exact email, case-insensitive") @Email @Size(max = 254) String email,
        @Schema(description = "Phone number; only its digits are compared")
        @Size(max = 30) @Pattern(regexp = ProfileRequest.PHONE, message = "must be a phone number") String phone,
        LocalDate dateOfBirth,
        @Schema(description = "Include archived clients (default false)") Boolean includeArchived) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "give at least one of lastName, firstName, email, phone, dateOfBirth")
    public boolean isCriterionGiven() {
        return lastName != null || firstName != null || email != null || phone != null || dateOfBirth != null;
    }
}
