package ca.bim.clinic.client.rest;


import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ca.bim.clinic.client.service.ProfilePatchException;
import ca.bim.clinic.client.service.ProfileValidation.InvalidProfileException;
import ca.bim.clinic.common.error.JsonBodyErrors;
import ca.bim.clinic.common.error.ViolationProblem;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * Problem details for the errors this service adds to the common ones (a body of the wrong shape is answered in
 * common, by {@code InputProblemMappers}).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response badPatch(ProfilePatchException exception, UriInfo uriInfo) {
        ViolationProblem.Violation violation = JsonBodyErrors.describe(exception.jsonError());
        return ViolationProblem.builder()
                .detail("The patched profile is not valid: " + (violation.field().isEmpty() ? "it" : violation.field())
                        + " " + violation.message())
                .violation(violation.field(), violation.in(), violation.message())
                .instance(uriInfo.getPath())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidProfile(InvalidProfileException exception, UriInfo uriInfo) {
        return ViolationProblem.builder().detail(exception.getMessage()).instance(uriInfo.getPath())
                .bodyViolations(exception.violations()).toResponse();
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
