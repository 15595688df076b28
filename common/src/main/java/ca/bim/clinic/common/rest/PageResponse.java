package ca.bim.clinic.common.rest;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a collection, with the totals a client needs to page through it. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageResponse<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        PanacheQuery<E> paged = query.page(request.page(), request.size());
        List<T> items = paged.list().stream().map(mapper).toList();
        return new PageResponse<>(items, request.page(), request.size(), paged.count(), paged.pageCount());
    }

    /** The same page with each item mapped (e.g. entities a service returned to their response records). */
    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }

    /** A page of a small collection already in memory (a cached catalogue), counted like a query's pages. */
    public static <E, T> PageResponse<T> of(List<E> all, PageRequest request, Function<E, T> mapper) {
        long first = (long) request.page() * request.size();
        List<T> items = first >= all.size() ? List.of()
                : all.subList((int) first, (int) Math.min(all.size(), first + request.size())).stream().map(mapper).toList();
        int totalPages = (int) ((all.size() + (long) request.size() - 1) / request.size());
        return new PageResponse<>(items, request.page(), request.size(), all.size(), totalPages);
    }
}
