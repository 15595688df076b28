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

    /** Time off of any practitioner that ends after {@code since}, practitioners loaded (for CatalogSnapshot). */
    public List<TimeOff> findEndingAfter(Instant since) {
        return find("from TimeOff t join fetch t.practitioner where t.endsAt > :since",
                Parameters.with("since", since)).list();
    }
}
