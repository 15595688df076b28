package ca.bim.clinic.client.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A correction to a signed note. */
public record AmendmentRequest(@NotBlank @Size(max = 20000) String text, @Size(max = 500) String reason) {
}
