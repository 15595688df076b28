package ca.bim.clinic.booking.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.Schedule;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, UUID> {

    private static final String IN_FORCE_WHERE =
            " s.effectiveFrom <= :to and (s.effectiveTo is null or s.effectiveTo >= :from)";
    private static final String IN_FORCE = "from Schedule s join fetch s.location join fetch s.practitioner p"
            + " where p.active = true and" + IN_FORCE_WHERE;
    private static final String IN_FORCE_OF_ONE = "from Schedule s join fetch s.location join fetch s.practitioner p"
            + " where p.id = :practitioner and" + IN_FORCE_WHERE;

    public List<Schedule> findByPractitioner(UUID practitionerId) {
        return find("practitioner.id", Sort.by("weekday").and("startTime").and("effectiveFrom"), practitionerId)
                .list();
    }

    /**
     * Schedules of active practitioners in force on some day of [from, to], with their locations and practitioners
     * loaded; callers filter by discipline and location. Every parameter is single-valued on purpose: Hibernate
     * keeps a query's SQL translation only when no parameter is a list, and translating again on each call was 14%
     * of booking-service's CPU for an availability answer (JFR, docs/benchmarks.md 2026-12-01). The table holds a
     * few rows per practitioner, so reading all of them costs less than the translation did.
     */
    public List<Schedule> findInForce(LocalDate from, LocalDate to) {
        return find(IN_FORCE, Parameters.with("from", from).and("to", to)).list();
    }

    /** The same for one practitioner (active or not). */
    public List<Schedule> findInForce(UUID practitionerId, LocalDate from, LocalDate to) {
        return find(IN_FORCE_OF_ONE, Parameters.with("practitioner", practitionerId).and("from", from).and("to", to))
                .list();
    }

    /** The practitioner's schedules at the location that apply on the day (weekday and validity), nothing fetched. */
    public List<Schedule> findOn(UUID practitionerId, UUID locationId, LocalDate day) {
        return find("practitioner.id = ?1 and location.id = ?2 and weekday = ?3 and effectiveFrom <= ?4"
                + " and (effectiveTo is null or effectiveTo >= ?4)", practitionerId, locationId,
                (short) day.getDayOfWeek().getValue(), day).list();
    }
}
