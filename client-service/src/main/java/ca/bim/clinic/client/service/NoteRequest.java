package ca.bim.clinic.client.service;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The content of a SOAP note draft. */
public record NoteRequest(
        @Schema(description = "The appointment the note documents (booking-service id)") UUID appointmentId,
        @Schema(description = "The author's username; when given it must be the caller's own")
        @Size(max = 100) String practitioner,
        @Size(max = 20000) String subjective,
        @Size(max = 20000) String objective,
        @Size(max = 20000) String assessment,
        @Size(max = 20000) String plan,
        @Schema(examples = "myofascial release") @Size(max = 30) List<@NotBlank @Size(max = 100) String> techniques) {
}
