package ca.bim.clinic.fhir.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every answer: no content sniffing (DESIGN.md, privacy and trust). */
public class SecurityHeaders {

    @ServerResponseFilter
    public void nosniff(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
