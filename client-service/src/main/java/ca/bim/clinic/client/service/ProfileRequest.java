package ca.bim.clinic.client.service;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client's profile fields: the body of a create, and the state a merge patch must leave behind. */
public record ProfileRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 100) String preferredName,
        @Email @Size(max = 254) String email,
        @Size(max = 30) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
        @Past LocalDate dateOfBirth,
        @Schema(description = "Slug of the location the client prefers", examples = "richmond")
        @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be a location slug") @Size(max = 50) String preferredLocation,
        @Valid EmergencyContact emergencyContact) {

    public static final String PHONE = "^[+0-9 ()-]{7,30}$";

    public record EmergencyContact(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 30) @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Size(max = 50) String relationship) {
    }
}
