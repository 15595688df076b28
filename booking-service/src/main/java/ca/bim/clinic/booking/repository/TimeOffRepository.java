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
}
