package ca.bim.clinic.client.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.client.domain.CareSource;
import ca.bim.clinic.client.service.CareRule;

/** A therapist currently in a client's care. */
public record CareTeamMember(
        @Schema(description = "The therapist's Keycloak subject (`sub`): the key of care", required = true)
        String therapistSubject,
        @Schema(description = "The therapist's username as last seen in a booking; display only; null when unknown")
        String therapistUsername,
        @Schema(description = "`admin` for an explicit grant (no end), `booking` for care from appointments",
                required = true) CareSource source,
        @Schema(description = "Since when: the grant, or the first appointment booked that counts", required = true)
        Instant since,
        @Schema(description = "When care from appointments ends unless another visit is booked (the care period "
                + "after the last visit); null for an admin's grant") Instant until,
        @Schema(description = "Who granted it: the admin, or booking-service", required = true) String addedBy) {

    static CareTeamMember from(CareRule.Member member) {
        return new CareTeamMember(member.therapistSubject(), member.therapistUsername(), member.source(),
                member.since(), member.until(), member.addedBy());
    }
}
