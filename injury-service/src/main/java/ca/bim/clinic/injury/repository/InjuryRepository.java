package ca.bim.clinic.injury.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import ca.bim.clinic.injury.domain.Injury;
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

    /** One page of entries matching the criteria, best match first when there is a text query, else by name. */
    public SearchPage search(SearchCriteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE i.status IN (:statuses)");
        if (criteria.region() != null) {
            where.append(" AND i.body_regions @> ARRAY[CAST(:region AS text)]");
        }
        if (criteria.q() != null) {
            where.append(" AND i.search_vector @@ ").append(TS_QUERY);
        }
        String select = "SELECT i.id, " + (criteria.q() != null ? RELEVANCE : "CAST(NULL AS real)")
                + " AS relevance FROM injury i" + where
                + (criteria.q() != null ? " ORDER BY relevance DESC, i.name, i.id" : " ORDER BY i.name, i.id")
                + " LIMIT :limit OFFSET :offset";

        Query rows = bind(getEntityManager().createNativeQuery(select), criteria)
                .setParameter("limit", size)
                .setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        Query count = bind(getEntityManager().createNativeQuery("SELECT count(*) FROM injury i" + where), criteria);
        long total = ((Number) count.getSingleResult()).longValue();

        Map<UUID, Injury> byId = found.isEmpty() ? Map.of()
                : list("id in ?1", found.stream().map(row -> (UUID) row[0]).toList()).stream()
                        .collect(Collectors.toMap(injury -> injury.id, Function.identity()));
        List<SearchHit> hits = found.stream()
                .map(row -> new SearchHit(byId.get((UUID) row[0]), row[1] == null ? null : ((Number) row[1]).doubleValue()))
                .toList();
        return new SearchPage(hits, total);
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

    /** What to look for: free text (may be null), a body region (may be null), the statuses to include. */
    public record SearchCriteria(String q, String region, Collection<InjuryStatus> statuses) {
    }

    public record SearchHit(Injury injury, Double relevance) {
    }

    public record SearchPage(List<SearchHit> hits, long total) {
    }
}
