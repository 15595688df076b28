package ca.bim.clinic.client.rest;

import java.time.Instant;

import ca.bim.clinic.client.domain.IntakeContent;
import ca.bim.clinic.client.domain.IntakeVersion;

/** One version of the questionnaire, with who recorded it and when. */
public record IntakeResponse(int version, Instant recordedAt, String recordedBy, String recordedByRole,
        IntakeContent answers) {

    static IntakeResponse from(IntakeVersion version) {
        return new IntakeResponse(version.version, version.recordedAt, version.recordedBy, version.recordedByRole,
                version.content);
    }
}
