package ca.bim.clinic.client.repository;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.Client;
import ca.bim.clinic.client.domain.ClientSearch;
import ca.bim.clinic.client.domain.ClientStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ClientRepository implements PanacheRepositoryBase<Client, UUID> {

    public Optional<Client> findBySubject(String subject) {
        return find("keycloakSubject", subject).firstResultOptional();
    }


    /** Names match case-insensitively by prefix (served by the lower(...) text_pattern_ops indexes). */
    public PanacheQuery<Client> search(ClientSearch criteria) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (criteria.lastName() != null) {
            where.append(" and lower(lastName) like :lastName escape '\\'");
            params.and("lastName", prefix(criteria.lastName()));
        }
        if (criteria.firstName() != null) {
            where.append(" and lower(firstName) like :firstName escape '\\'");
            params.and("firstName", prefix(criteria.firstName()));
        }
        if (criteria.email() != null) {
            where.append(" and lower(email) = :email");
            params.and("email", criteria.email().strip().toLowerCase(Locale.ROOT));
        }
        if (criteria.phoneDigits() != null) {
            where.append(" and phoneDigits = :phone");
            params.and("phone", criteria.phoneDigits());
        }
        if (criteria.dateOfBirth() != null) {
            where.append(" and dateOfBirth = :dateOfBirth");
            params.and("dateOfBirth", criteria.dateOfBirth());
        }
        if (!criteria.includeArchived()) {
            where.append(" and status = :active");
            params.and("active", ClientStatus.active);
        }
        return find(where + " order by lower(lastName), lower(firstName), id", params);
    }

    private static String prefix(String value) {
        String escaped = value.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped + "%";
    }
}
