package ca.bim.clinic.client.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes the request id from the gateway (or makes one) for the access log, problem details and the response. Runs
 * after other request-id filters and adopts an id one of them already chose (request property `requestId`), so
 * logs, response header and access log always agree.
 */
public class RequestIdFilter {

    static final String PROPERTY = "requestId";

    private final RequestId requestId;

    RequestIdFilter(RequestId requestId) {
        this.requestId = requestId;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void takeRequestId(ContainerRequestContext request) {
        Object chosen = request.getProperty(PROPERTY);
        requestId.accept(chosen instanceof String id ? id : request.getHeaderString(RequestId.HEADER));
        request.setProperty(PROPERTY, requestId.value());
        MDC.put(PROPERTY, requestId.value());
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestId.HEADER, requestId.value());
    }
}
