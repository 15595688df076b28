package ca.bim.clinic.common.error;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.resteasy.problem.HttpProblem;

public class DomainExceptionMapper {

    @ServerExceptionMapper
    public Response toProblem(DomainException exception, UriInfo uriInfo) {
        return HttpProblem.builder()
                .withStatus(exception.status())
                .withTitle(exception.title())
                .withDetail(exception.getMessage())
                .withInstance(URI.create(uriInfo.getPath()))
                .build()
                .toResponse();
    }
}
