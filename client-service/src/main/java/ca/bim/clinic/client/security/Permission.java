package ca.bim.clinic.client.security;

import ca.bim.clinic.client.domain.AccessResource;

/** What a caller wants to do with one client's record. */
public enum Permission {
    PROFILE_READ(AccessResource.profile),
    PROFILE_WRITE(AccessResource.profile),
    PROFILE_ARCHIVE(AccessResource.profile),
    INTAKE_READ(AccessResource.intake),
    INTAKE_WRITE(AccessResource.intake),
    CONSENTS_READ(AccessResource.consents),
    CONSENTS_WRITE(AccessResource.consents),
    NOTES_READ(AccessResource.notes),
    NOTES_WRITE(AccessResource.notes),
    CARE_TEAM_READ(AccessResource.careTeam),
    CARE_TEAM_WRITE(AccessResource.careTeam),
    ACCESS_LOG_READ(AccessResource.accessLog),
    EXPORT(AccessResource.export);

    private final AccessResource resource;

    Permission(AccessResource resource) {
        this.resource = resource;
    }

    public AccessResource resource() {
        return resource;
    }
}
