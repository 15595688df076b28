package ca.bim.clinic.common.persistence;

import java.util.HashMap;
import java.util.Map;

/**
 * A JPQL/HQL condition built from a fixed part and optional filters, with its named parameters, for a search whose
 * filters may each be absent: {@code new Where("active = true").and("discipline in :d", "d", disciplines)} adds the
 * filter only when {@code disciplines} is not null.
 */
public final class Where {

    private final StringBuilder condition;
    private final Map<String, Object> parameters = new HashMap<>();

    public Where(String always) {
        this.condition = new StringBuilder(always);
    }

    /** Adds {@code filter}, which names the parameter {@code :name}, when {@code value} is not null. */
    public Where and(String filter, String name, Object value) {
        if (value != null) {
            and(filter);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds {@code filter} unconditionally; its parameters, if any, are given with {@link #with}. */
    public Where and(String filter) {
        condition.append(" and ").append(filter);
        return this;
    }

    /** A parameter of the fixed part or of a filter added with {@link #and(String)}. */
    public Where with(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return condition.toString();
    }
}
