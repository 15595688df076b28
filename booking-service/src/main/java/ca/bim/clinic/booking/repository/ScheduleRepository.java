package ca.bim.clinic.booking.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.Schedule;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ScheduleRepository implements PanacheRepositoryBase<Schedule, UUID> {

    public List<Schedule> findByPractitioner(UUID practitionerId) {
        return find("practitioner.id", Sort.by("weekday").and("startTime").and("effectiveFrom"), practitionerId)
                .list();
    }

    /** Schedules of these practitioners in force on some day of [from, to], with their locations loaded. */
    public List<Schedule> findInForce(Collection<UUID> practitionerIds, LocalDate from, LocalDate to) {
        return find("from Schedule s join fetch s.location where s.practitioner.id in :practitioners"
                + " and s.effectiveFrom <= :to and (s.effectiveTo is null or s.effectiveTo >= :from)",
                Parameters.with("practitioners", practitionerIds).and("from", from).and("to", to)).list();
    }

    /** The practitioner's schedules at the location that apply on the day (weekday and validity), nothing fetched. */
    public List<Schedule> findOn(UUID practitionerId, UUID locationId, LocalDate day) {
        return find("practitioner.id = ?1 and location.id = ?2 and weekday = ?3 and effectiveFrom <= ?4"
                + " and (effectiveTo is null or effectiveTo >= ?4)", practitionerId, locationId,
                (short) day.getDayOfWeek().getValue(), day).list();
    }
}
