package ca.bim.clinic.common.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The `page` (zero-based) and `size` query parameters every collection accepts. */
public class PageRequest {

    public static final int MAX_SIZE = 100;

    /** Far beyond any real collection; bounds what a client may ask the database to skip. */
    public static final int MAX_PAGE = 100_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    int size;

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
