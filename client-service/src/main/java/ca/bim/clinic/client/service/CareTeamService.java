package ca.bim.clinic.client.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import ca.bim.clinic.client.domain.AccessAction;
import ca.bim.clinic.client.domain.AccessResource;
import ca.bim.clinic.client.repository.CareRepository;
import ca.bim.clinic.client.repository.CareRepository.AppointmentState;
import ca.bim.clinic.client.security.Actor;
import ca.bim.clinic.client.security.Permission;

/**
 * Care relationships: which therapists (by Keycloak subject) may see a client's clinical data. Booking events
 * keep them in step with appointments; admins grant and remove them explicitly, and a removal outranks every
 * appointment booked before it.
 */
@ApplicationScoped
public class CareTeamService {

    @Inject CareRepository care;
    @Inject CareRule rule;
    @Inject RecordAccess access;
    @Inject AccessLog accessLog;
    @Inject Clock clock;

    /** Who is in the client's care now. */
    @Transactional
    public List<CareRule.Member> list(UUID clientId) {
        access.require(clientId, Permission.CARE_TEAM_READ, AccessAction.read, null);
        return rule.members(clientId);
    }

    /** An admin puts a therapist in care without an appointment, until removed. Idempotent. */
    @Transactional
    public void grant(UUID clientId, UUID therapistSubject) {
        Actor actor = access.check(clientId, Permission.CARE_TEAM_WRITE, AccessAction.add, therapistSubject).actor();
        if (care.grant(clientId, therapistSubject.toString(), clock.instant(), actor.name())) {
            accessLog.allowed(clientId, actor, AccessAction.add, AccessResource.careTeam, therapistSubject);
        }
    }

    /**
     * An admin takes a therapist out of care: their grant goes, and appointments booked until now no longer count,
     * whatever events about them arrive later. Idempotent.
     */
    @Transactional
    public void remove(UUID clientId, UUID therapistSubject) {
        Actor actor = access.require(clientId, Permission.CARE_TEAM_WRITE, AccessAction.remove, therapistSubject)
                .actor();
        care.revoke(clientId, therapistSubject.toString(), clock.instant(), actor.name());
    }

    /**
     * Applies an appointment event (booking-service's service identity, no user). When the therapist's care
     * starts or ends because of it, the client's access log says so. Returns whether the appointment changed.
     */
    @Transactional(TxType.MANDATORY)
    public boolean apply(AppointmentState event, Actor actor) {
        UUID clientId = event.clientId();
        String before = care.appointment(event.appointmentId()).map(a -> a.therapistSubject).orElse(null);
        boolean beforeInCare = before != null && rule.inCare(clientId, before);
        boolean newInCareBefore = event.therapistSubject().equals(before) ? beforeInCare
                : rule.inCare(clientId, event.therapistSubject());
        if (!care.apply(event, clock.instant())) {
            return false;
        }
        if (before != null && !before.equals(event.therapistSubject()) && beforeInCare
                && !rule.inCare(clientId, before)) {
            accessLog.allowed(clientId, actor, AccessAction.remove, AccessResource.careTeam, asId(before));
        }
        boolean newInCareAfter = rule.inCare(clientId, event.therapistSubject());
        if (newInCareAfter != newInCareBefore) {
            accessLog.allowed(clientId, actor, newInCareAfter ? AccessAction.add : AccessAction.remove,
                    AccessResource.careTeam, asId(event.therapistSubject()));
        }
        return true;
    }

    /** Keycloak subjects are UUIDs here; the log names the therapist by it (null for any other form). */
    private static UUID asId(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
