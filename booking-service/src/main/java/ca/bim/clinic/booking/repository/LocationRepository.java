package ca.bim.clinic.booking.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.Location;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<Location, UUID> {

    public PanacheQuery<Location> findActive() {
        return find("active", Sort.by("name"), true);
    }

    public Optional<Location> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
