package ca.bim.clinic.injury.repository;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import ca.bim.clinic.injury.domain.Injury;
import ca.bim.clinic.injury.domain.InjurySearch.Listed;
import ca.bim.clinic.injury.domain.InjurySearch.SearchCriteria;
import ca.bim.clinic.injury.domain.InjurySearch.SearchPage;
import ca.bim.clinic.injury.domain.InjuryStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InjuryRepository implements PanacheRepositoryBase<Injury, UUID> {

    /**
     * The query comes from injury_search_query (V1): the words ORed, a misspelled word joined by its nearest catalogue
     * word by trigram similarity. It is computed once per statement (an init plan), so the GIN index serves it.
     * Relevance is the weighted rank; symptoms, names and aliases weigh most.
     */
    private static final String TS_QUERY = "(SELECT injury_search_query(CAST(:q AS text)))";
    private static final String RELEVANCE = "ts_rank(CAST(ARRAY[0.1, 0.2, 0.4, 1.0] AS real[]), i.search_vector, "
            + TS_QUERY + ")";

    public Optional<Injury> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The entry locked for a change, so a precondition checked on it stays true until the transaction ends. */
    public Optional<Injury> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Injury> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }

    public boolean anyUsesTechnique(String techniqueSlug) {
        Object found = getEntityManager()
                .createNativeQuery("SELECT EXISTS (SELECT 1 FROM injury WHERE treatments "
                        + "@> jsonb_build_array(jsonb_build_object('technique', CAST(:slug AS text))))")
                .setParameter("slug", techniqueSlug)
                .getSingleResult();
        return Boolean.TRUE.equals(found);
    }

    /**
     * One page of entries matching the criteria, best match first when there is a text query, else by name. Reads only
     * the listed columns, with the total in the same statement, so a search is one indexed query.
     */
    public SearchPage search(SearchCriteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE i.status IN (:statuses)");
        if (criteria.region() != null) {
            where.append(" AND i.body_regions @> ARRAY[CAST(:region AS text)]");
        }
        if (criteria.q() != null) {
            where.append(" AND i.search_vector @@ ").append(TS_QUERY);
        }
        // Rank on the narrow columns first; read the listed columns of the one page only.
        String order = criteria.q() != null ? " ORDER BY relevance DESC, name, id" : " ORDER BY name, id";
        String select = "WITH ranked AS (SELECT i.id, i.name, "
                + (criteria.q() != null ? RELEVANCE : "CAST(NULL AS real)") + " AS relevance,"
                + " count(*) OVER () AS total FROM injury i" + where + order + " LIMIT :limit OFFSET :offset)"
                + " SELECT i.slug, i.name, i.aliases, i.body_regions, i.summary, i.recommended_appointment_types,"
                + " i.status, i.version, i.updated_at, ranked.relevance, ranked.total"
                + " FROM ranked JOIN injury i ON i.id = ranked.id"
                + (criteria.q() != null ? " ORDER BY ranked.relevance DESC, ranked.name, ranked.id"
                        : " ORDER BY ranked.name, ranked.id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(getEntityManager().createNativeQuery(select), criteria)
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size)
                .getResultList();
        long total;
        if (!rows.isEmpty()) {
            total = ((Number) rows.get(0)[10]).longValue();
        } else if (page == 0) {
            total = 0;
        } else {
            Query count = bind(getEntityManager().createNativeQuery("SELECT count(*) FROM injury i" + where), criteria);
            total = ((Number) count.getSingleResult()).longValue();
        }
        List<Listed> items = rows.stream()
                .map(row -> new Listed((String) row[0], (String) row[1], strings(row[2]), strings(row[3]),
                        (String) row[4], strings(row[5]), InjuryStatus.valueOf((String) row[6]),
                        ((Number) row[7]).longValue(), instant(row[8]),
                        row[9] == null ? null : ((Number) row[9]).doubleValue()))
                .toList();
        return new SearchPage(items, total);
    }

    private static List<String> strings(Object array) {
        try {
            Object[] values = array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
            return Arrays.stream(values).map(String.class::cast).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a text[] column", e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime dateTime -> dateTime.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }

    private static Query bind(Query query, SearchCriteria criteria) {
        query.setParameter("statuses", criteria.statuses().stream().map(InjuryStatus::name).toList());
        if (criteria.region() != null) {
            query.setParameter("region", criteria.region());
        }
        if (criteria.q() != null) {
            query.setParameter("q", criteria.q());
        }
        return query;
    }
}
