package ca.bim.clinic.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Pages of a collection in memory count like a query's pages. */
class PageResponseTest {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void aMiddlePageHoldsItsSliceAndTheTotals() {
        PageResponse<String> page = PageResponse.of(FIVE, request(1, 2), Function.identity());
        assertThat(page.items()).containsExactly("c", "d");
        assertThat(page.totalItems()).isEqualTo(5);
        assertThat(page.totalPages()).isEqualTo(3);
    }

    @Test
    void theLastPageIsShort() {
        assertThat(PageResponse.of(FIVE, request(2, 2), String::toUpperCase).items()).containsExactly("E");
    }

    @Test
    void aPageBeyondTheEndIsEmptyWithTheTotals() {
        PageResponse<String> page = PageResponse.of(FIVE, request(10_000, 100), Function.identity());
        assertThat(page.items()).isEmpty();
        assertThat(page.totalItems()).isEqualTo(5);
        assertThat(page.totalPages()).isEqualTo(1);
    }

    @Test
    void anEmptyCollectionHasNoPages() {
        PageResponse<String> page = PageResponse.of(List.<String>of(), request(0, 20), Function.identity());
        assertThat(page.items()).isEmpty();
        assertThat(page.totalPages()).isZero();
    }

    private static PageRequest request(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }
}
