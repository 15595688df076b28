package ca.bim.clinic.booking.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.AppointmentSeries;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppointmentSeriesRepository implements PanacheRepositoryBase<AppointmentSeries, UUID> {

    /** The series with its type, practitioner and location loaded. */
    public Optional<AppointmentSeries> findDetailed(UUID id) {
        return find("from AppointmentSeries s join fetch s.type join fetch s.practitioner join fetch s.location"
                + " where s.id = ?1", id).firstResultOptional();
    }
}
