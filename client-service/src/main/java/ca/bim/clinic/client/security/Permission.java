package ca.bim.clinic.client.security;

import ca.bim.clinic.client.domain.AccessResource;

/** What a caller wants to do with one client's record. */
public enum Permission {
    PROFILE_READ(AccessResource.profile, false),
    PROFILE_WRITE(AccessResource.profile, true),
    PROFILE_ARCHIVE(AccessResource.profile, true),
    INTAKE_READ(AccessResource.intake, false),
    INTAKE_WRITE(AccessResource.intake, true),
    CONSENTS_READ(AccessResource.consents, false),
    CONSENTS_WRITE(AccessResource.consents, true),
    NOTES_READ(AccessResource.notes, false),
    NOTES_WRITE(AccessResource.notes, true),
    CARE_TEAM_READ(AccessResource.careTeam, false),
    CARE_TEAM_WRITE(AccessResource.careTeam, true),
    ACCESS_LOG_READ(AccessResource.accessLog, false),
    EXPORT(AccessResource.export, false);

    private final AccessResource resource;
    private final boolean write;

    Permission(AccessResource resource, boolean write) {
        this.resource = resource;
        this.write = write;
    }

    public AccessResource resource() {
        return resource;
    }

    public boolean isWrite() {
        return write;
    }
}
