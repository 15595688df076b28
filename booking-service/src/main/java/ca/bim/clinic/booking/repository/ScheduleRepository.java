package ca.bim.clinic.booking.repository;

import java.time.Instant;
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
    private static final String HOURS_ON = """
            select s, (select count(t) from TimeOff t
                       where t.practitioner.id = :practitioner and t.startsAt < :to and t.endsAt > :from)
            from Schedule s
            where s.practitioner.id = :practitioner and s.location.id = :location and s.weekday = :weekday
              and s.effectiveFrom <= :day and (s.effectiveTo is null or s.effectiveTo >= :day)
            """;
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

    /** A practitioner's hours at a location on one day, and whether time off overlaps the time asked about. */
    public record DayHours(List<Schedule> schedules, boolean away) {
    }

    /**
     * The practitioner's schedules at the location that apply on the day (weekday and validity), nothing fetched,
     * with whether their time off overlaps [from, to): one round trip for a booking's rule check instead of two.
     * No schedule means no hours, and then time off does not matter ({@code away} is false).
     */
    public DayHours hoursOn(UUID practitionerId, UUID locationId, LocalDate day, Instant from, Instant to) {
        List<Object[]> rows = getEntityManager().createQuery(HOURS_ON, Object[].class)
                .setParameter("practitioner", practitionerId)
                .setParameter("location", locationId)
                .setParameter("weekday", (short) day.getDayOfWeek().getValue())
                .setParameter("day", day)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return new DayHours(rows.stream().map(r -> (Schedule) r[0]).toList(),
                !rows.isEmpty() && ((Number) rows.get(0)[1]).longValue() > 0);
    }
}
