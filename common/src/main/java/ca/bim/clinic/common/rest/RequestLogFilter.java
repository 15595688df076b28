package ca.bim.clinic.common.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import ca.bim.clinic.common.error.ControlCharacters;

/**
 * Carries the {@code X-Request-Id} the gateway sets (or a new one for a direct call) into the log context and back
 * to the caller, and logs one line per request, so a request can be followed through every service's logs.
 */
public class RequestLogFilter {

    private static final Logger LOG = Logger.getLogger("ca.bim.clinic.request");

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Ids we accept from outside: short and plain, so a header cannot inject anything into logs. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String requestId = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(MDC_KEY, requestId);
        MDC.put(MDC_KEY, requestId);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(MDC_KEY);
        if (requestId != null) {
            response.getHeaders().putSingle(HEADER, requestId);
        }
        // One line per request, with the MDC (request id, trace id). The path holds ids only, never the query; control
        // characters in a rejected path are escaped so they cannot forge log lines.
        LOG.infof("%s %s -> %d", request.getMethod(), ControlCharacters.escape(request.getUriInfo().getPath()),
                response.getStatus());
    }

    /** The id of the request being served, for records such as the access log. */
    public static String current(ContainerRequestContext request) {
        return String.valueOf(request.getProperty(MDC_KEY));
    }
}
