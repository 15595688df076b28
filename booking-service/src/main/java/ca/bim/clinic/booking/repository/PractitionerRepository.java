package ca.bim.clinic.booking.repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.Discipline;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.common.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PractitionerRepository implements PanacheRepositoryBase<Practitioner, UUID> {

    public Optional<Practitioner> findByKeycloakUsername(String username) {
        return find("keycloakUsername", username).firstResultOptional();
    }

    /**
     * Active practitioners, optionally only those of the given disciplines and those with a current or future
     * schedule at a location (null: any).
     */
    public PanacheQuery<Practitioner> search(Collection<Discipline> disciplines, UUID locationId, LocalDate today) {
        Where where = new Where("active = true").and("discipline in :disciplines", "disciplines", disciplines);
        if (locationId != null) {
            where.and("exists (from Schedule s where s.practitioner = p0 and s.location.id = :location"
                    + " and (s.effectiveTo is null or s.effectiveTo >= :today))")
                    .with("location", locationId).with("today", today);
        }
        return find("from Practitioner p0 where " + where, Sort.by("displayName").and("id"), where.parameters());
    }
}
