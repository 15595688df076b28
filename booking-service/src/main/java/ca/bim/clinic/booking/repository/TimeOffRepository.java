package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.TimeOff;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TimeOffRepository implements PanacheRepositoryBase<TimeOff, UUID> {

    public List<TimeOff> findByPractitioner(UUID practitionerId) {
        return find("practitioner.id", Sort.by("startsAt"), practitionerId).list();
    }

    /** Time off of these practitioners that overlaps [from, to). */
    public List<TimeOff> findOverlapping(Collection<UUID> practitionerIds, Instant from, Instant to) {
        return find("practitioner.id in :practitioners and startsAt < :to and endsAt > :from",
                Parameters.with("practitioners", practitionerIds).and("from", from).and("to", to)).list();
    }

    /** Whether the practitioner has time off overlapping [from, to). */
    public boolean overlaps(UUID practitionerId, Instant from, Instant to) {
        return count("practitioner.id = ?1 and startsAt < ?3 and endsAt > ?2", practitionerId, from, to) > 0;
    }
}
