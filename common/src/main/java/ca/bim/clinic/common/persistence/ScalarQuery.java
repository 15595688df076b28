package ca.bim.clinic.common.persistence;

import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * A native query that returns one column of one type, named in the SQL.
 * <p>
 * Why not {@code em.createNativeQuery(sql, UUID.class)}: Hibernate (7.1) keys its query-plan cache on the result
 * mapping, and the mapping it builds for a result class has no {@code equals}. Every call then misses the cache and
 * adds one more entry with the same hash, until the cache (2,048 plans) is full of copies of the same few queries:
 * the HQL plans are pushed out and every lookup walks one long hash bucket. Booking-service's profile under load
 * showed 10% of its CPU there (issue 12). A scalar named with {@link NativeQuery#addScalar(String, Class)} has an
 * {@code equals}, so the plan is cached once.
 */
public final class ScalarQuery {

    private ScalarQuery() {
    }

    /** {@code sql} must name its one result column {@code column} (an alias where it is an expression). */
    @SuppressWarnings("unchecked")
    public static <T> NativeQuery<T> of(EntityManager em, String sql, String column, Class<T> type) {
        return (NativeQuery<T>) em.createNativeQuery(sql).unwrap(NativeQuery.class).addScalar(column, type);
    }
}
