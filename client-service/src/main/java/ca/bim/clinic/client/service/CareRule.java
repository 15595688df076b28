package ca.bim.clinic.client.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ca.bim.clinic.client.config.RecordsConfig;
import ca.bim.clinic.client.domain.CareSource;
import ca.bim.clinic.client.repository.CareRepository;

/**
 * Whether a therapist (by Keycloak subject) is in a client's care now: an admin's grant, or an appointment with
 * them that is booked, checked in, completed or no-show, from its booking until the care period after its visit,
 * unless an admin removed the therapist after it was booked. The one place that knows "now" for care.
 */
@ApplicationScoped
public class CareRule {

    @Inject CareRepository care;
    @Inject RecordsConfig config;
    @Inject Clock clock;

    public boolean inCare(UUID clientId, String therapistSubject) {
        return care.inCare(clientId, therapistSubject, cutoff());
    }

    /** A therapist in care: by an admin's grant (no end), or by appointments (until the period after the last visit). */
    public record Member(String therapistSubject, String therapistUsername, CareSource source, Instant since,
            Instant until, String addedBy) {
    }

    /** Everyone in the client's care now, by the rule of {@link #inCare}. */
    public List<Member> members(UUID clientId) {
        return care.members(clientId, cutoff()).stream().map(member -> member.grantedAt() != null
                ? new Member(member.therapistSubject(), member.therapistUsername(), CareSource.admin,
                        member.grantedAt(), null, member.grantedBy())
                : new Member(member.therapistSubject(), member.therapistUsername(), CareSource.booking,
                        member.firstBookedAt(), careEnds(member.lastVisitAt()), BookingEventService.BOOKING_SERVICE.name()))
                .toList();
    }

    /** Visits at or before this instant no longer keep anyone in care. */
    public Instant cutoff() {
        return cutoff(clock.instant(), config.careAfterLastVisit());
    }

    /** Calendar arithmetic in UTC, so a month is a month whatever the JVM's zone. */
    static Instant cutoff(Instant now, Period careAfterLastVisit) {
        return now.atOffset(ZoneOffset.UTC).minus(careAfterLastVisit).toInstant();
    }

    /** When care from a visit ends. */
    Instant careEnds(Instant visit) {
        return visit.atOffset(ZoneOffset.UTC).plus(config.careAfterLastVisit()).toInstant();
    }
}
