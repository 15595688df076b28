package ca.bim.clinic.client.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record CreateClientRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 100) String preferredName,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "^[+0-9 ()-]{7,30}$", message = "must be a phone number") String phone,
        @Past LocalDate dateOfBirth) {
}
