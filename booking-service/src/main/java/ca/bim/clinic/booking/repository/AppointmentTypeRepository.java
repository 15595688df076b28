package ca.bim.clinic.booking.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.AppointmentType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AppointmentTypeRepository implements PanacheRepositoryBase<AppointmentType, UUID> {

    public Optional<AppointmentType> findByCode(String code) {
        // One round trip: the disciplines come with the type. Codes are unique, so no row limit is needed
        // (a limit with a collection fetch would make Hibernate page in memory).
        return find("from AppointmentType t left join fetch t.disciplines where t.code = ?1", code)
                .singleResultOptional();
    }

    public PanacheQuery<AppointmentType> findActive() {
        return find("active", Sort.by("code"), true);
    }
}
