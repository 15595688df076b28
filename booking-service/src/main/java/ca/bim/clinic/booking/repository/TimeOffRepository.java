package ca.bim.clinic.booking.repository;

import java.time.Instant;
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

    /**
     * Time off of any practitioner that overlaps [from, to), practitioners not loaded. No list parameter, so that
     * Hibernate keeps the query's translation (see {@code ScheduleRepository#findInForce}); callers pick their
     * practitioners from the rows.
     */
    public List<TimeOff> findOverlapping(Instant from, Instant to) {
        return find("startsAt < :to and endsAt > :from", Parameters.with("from", from).and("to", to)).list();
    }

    /**
     * Whether the practitioner has time off overlapping [from, to). A query of its own rather than Panache's
     * {@code count(...)}: Hibernate keeps the plan of a query string, but derives a count query and translates it to
     * SQL again on every call, which was 6% of booking-service's CPU per booking (JFR, docs/benchmarks.md).
     */
    public boolean overlaps(UUID practitionerId, Instant from, Instant to) {
        return !getEntityManager()
                .createQuery("select 1 from TimeOff where practitioner.id = ?1 and startsAt < ?3 and endsAt > ?2",
                        Integer.class)
                .setParameter(1, practitionerId).setParameter(2, from).setParameter(3, to)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
