package ca.bim.clinic.client.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ca.bim.clinic.client.service.ProfilePatchException;
import ca.bim.clinic.client.service.ProfileValidation.InvalidProfileException;
import io.quarkiverse.resteasy.problem.HttpProblem;

/** Problem details for the errors this service adds to the common ones. */
public class ProblemMappers {

    /** A body of the wrong shape (e.g. an array where an object belongs); Quarkus would answer an empty 400. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException exception, UriInfo uriInfo) {
        return badBody(exception, "The request body does not have the expected shape", uriInfo);
    }

    @ServerExceptionMapper
    public Response badPatch(ProfilePatchException exception, UriInfo uriInfo) {
        return badBody(exception.jsonError(), "The patched profile is not valid", uriInfo);
    }

    private static Response badBody(Exception error, String detail, UriInfo uriInfo) {
        String field = error instanceof JsonMappingException mapping
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                        : String.valueOf(ref.getIndex())).collect(Collectors.joining("."))
                : "";
        return HttpProblem.builder()
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(detail)
                .withInstance(uriInfo.getRequestUri().resolve(uriInfo.getPath()))
                .with("violations", List.of(Map.of("field", field, "in", "body",
                        "message", "unknown field or wrong type")))
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidProfile(InvalidProfileException exception, UriInfo uriInfo) {
        List<Map<String, String>> violations = exception.violations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "in", "body", "message", v.getMessage()))
                .sorted(Comparator.comparing(v -> v.get("field")))
                .toList();
        return HttpProblem.builder()
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(exception.getMessage())
                .withInstance(uriInfo.getRequestUri().resolve(uriInfo.getPath()))
                .with("violations", violations)
                .build()
                .toResponse();
    }

    /** Two writers raced on the same row; the loser retries with fresh data. */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException exception, UriInfo uriInfo) {
        return HttpProblem.builder()
                .withStatus(409)
                .withTitle("Conflict")
                .withDetail("The record was changed concurrently; read it again and retry")
                .withInstance(uriInfo.getRequestUri().resolve(uriInfo.getPath()))
                .build()
                .toResponse();
    }
}
