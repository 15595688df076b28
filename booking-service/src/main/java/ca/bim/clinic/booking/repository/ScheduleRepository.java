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

    private static final String IN_FORCE_FROM = "from Schedule s join fetch s.location join fetch s.practitioner"
            + " where s.effectiveTo is null or s.effectiveTo >= :since";

    public List<Schedule> findByPractitioner(UUID practitionerId) {
        return find("practitioner.id", Sort.by("weekday").and("startTime").and("effectiveFrom"), practitionerId)
                .list();
    }

    /**
     * Every schedule still in force on {@code since} or later, with its location and practitioner (active or not)
     * loaded: the table holds a few rows per practitioner, read whole by {@code CatalogSnapshot}.
     */
    public List<Schedule> findInForceFrom(LocalDate since) {
        return find(IN_FORCE_FROM, Parameters.with("since", since)).list();
    }
}
