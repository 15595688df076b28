package ca.bim.clinic.common.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The `page` (zero-based) and `size` query parameters every collection accepts. */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    /**
     * The deepest page served. With at most {@value #MAX_SIZE} items a page, the row offset stays at or below one
     * million: far from int overflow, and deeper than any list a person pages through (narrow the filters instead).
     */
    public static final int MAX_PAGE = 10_000;

    public static final String PAGE_BOUND_MESSAGE = "must be at most " + MAX_PAGE
            + " (deeper pages are not served; narrow the filters instead)";

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(value = MAX_PAGE, message = PAGE_BOUND_MESSAGE)
    @Parameter(description = "Zero-based page number, at most " + MAX_PAGE
            + "; deeper pages are a 400 problem (narrow the filters instead)")
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, 1 to " + MAX_SIZE)
    int size;

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
