package ca.bim.clinic.client.rest;

import java.time.Instant;

import ca.bim.clinic.client.domain.CareRelationship;
import ca.bim.clinic.client.domain.CareSource;

/** A therapist in a client's care team. */
public record CareTeamMember(String therapistUsername, CareSource source, Instant since, String addedBy) {

    static CareTeamMember from(CareRelationship relationship) {
        return new CareTeamMember(relationship.key.therapistUsername(), relationship.source, relationship.createdAt,
                relationship.createdBy);
    }
}
