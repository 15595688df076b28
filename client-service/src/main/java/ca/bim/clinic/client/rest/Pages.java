package ca.bim.clinic.client.rest;

import java.util.function.Function;

import ca.bim.clinic.common.rest.PageResponse;

final class Pages {

    private Pages() {
    }

    static <E, T> PageResponse<T> map(PageResponse<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(),
                page.totalItems(), page.totalPages());
    }
}
