package ca.bim.clinic.common.error;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Input the service cannot read is the caller's mistake: a 400 violations problem, never an empty body or a 500. */
public class InputProblemMappers {

    static final String BODY_DETAIL = "The request body cannot be read as the documented JSON";

    @ServerExceptionMapper
    public Response unreadableBody(UnreadableBodyException exception, UriInfo uriInfo) {
        return body(JsonBodyErrors.describe(exception.jsonError()), uriInfo);
    }

    /** The same for a mismatch raised outside the body reader (for example by a resource converting JSON itself). */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uriInfo) {
        return body(JsonBodyErrors.describe(exception), uriInfo);
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException exception, UriInfo uriInfo) {
        return ViolationProblem.builder()
                .detail(exception.getMessage())
                .violation(exception.name(), exception.in(), exception.reason())
                .instance(uriInfo.getRequestUri().getRawPath())
                .toResponse();
    }

    private static Response body(ViolationProblem.Violation violation, UriInfo uriInfo) {
        String detail = violation.field().isEmpty()
                ? BODY_DETAIL + ": it " + violation.message()
                : BODY_DETAIL + ": " + violation.field() + " " + violation.message();
        return ViolationProblem.builder()
                .detail(detail)
                .violations(List.of(violation))
                .instance(uriInfo.getRequestUri().getRawPath())
                .toResponse();
    }
}
