package ca.bim.clinic.common.rest;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import ca.bim.clinic.common.error.ControlCharacters;
import ca.bim.clinic.common.error.ViolationProblem;

/**
 * Rejects control characters in the path and in query parameter names and values (after percent-decoding) with a
 * 400 problem before routing, so no resource, query or log line ever sees them. A NUL byte used to reach PostgreSQL
 * and come back as a 500. Also holds collections to {@link PageRequest#MAX_PAGE}: a page far beyond it overflowed
 * the row offset.
 */
public class InputHygieneFilter {

    private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]+");

    static final String CONTROL_MESSAGE = "must not contain control characters (U+0000-U+001F, U+007F)";

    @ServerRequestFilter(preMatching = true)
    public Response reject(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String rawPath = uri.getRequestUri().getRawPath();
        try {
            if (ControlCharacters.containsAny(uri.getPath(true))) {
                return problem(rawPath, "", ViolationProblem.IN_PATH, CONTROL_MESSAGE,
                        "The request path " + CONTROL_MESSAGE);
            }
            MultivaluedMap<String, String> query = uri.getQueryParameters(true);
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                String name = parameter.getKey();
                if (ControlCharacters.containsAny(name)) {
                    return problem(rawPath, ControlCharacters.escape(name), ViolationProblem.IN_QUERY,
                            CONTROL_MESSAGE, "A query parameter name " + CONTROL_MESSAGE);
                }
                for (String value : parameter.getValue()) {
                    if (ControlCharacters.containsAny(value)) {
                        return problem(rawPath, name, ViolationProblem.IN_QUERY, CONTROL_MESSAGE,
                                "Query parameter " + name + " " + CONTROL_MESSAGE);
                    }
                }
            }
            if (beyondPageBound(query.getFirst("page"))) {
                // Checked here rather than by @Max alone: a bean-validation problem has no detail to state the bound.
                return problem(rawPath, "page", ViolationProblem.IN_QUERY, PageRequest.PAGE_BOUND_MESSAGE,
                        "page " + PageRequest.PAGE_BOUND_MESSAGE);
            }
        } catch (IllegalArgumentException undecodable) {
            // A stray '%' not followed by two hex digits: the request cannot be read as the client meant it.
            return problem(rawPath, "", ViolationProblem.IN_PATH, "is not valid percent-encoding",
                    "The request path or query is not valid percent-encoding");
        }
        return null;
    }

    /** Any number of digits above the bound; anything that is not a number is left to the parameter converter. */
    static boolean beyondPageBound(String page) {
        if (page == null || !DIGITS.matcher(page.strip()).matches()) {
            return false;
        }
        return new BigInteger(page.strip()).compareTo(BigInteger.valueOf(PageRequest.MAX_PAGE)) > 0;
    }

    private static Response problem(String rawPath, String field, String in, String message, String detail) {
        return ViolationProblem.builder()
                .detail(detail)
                .violation(field, in, message)
                .instance(rawPath)
                .toResponse();
    }
}
