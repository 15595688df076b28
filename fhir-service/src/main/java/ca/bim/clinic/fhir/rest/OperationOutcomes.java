package ca.bim.clinic.fhir.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ca.bim.clinic.fhir.error.FhirProblem;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error of the endpoint as an OperationOutcome: no problem+json, no stack traces, no class names. */
public class OperationOutcomes {

    private static final Logger LOG = Logger.getLogger(OperationOutcomes.class);

    @ServerExceptionMapper
    public Response problem(FhirProblem problem) {
        return outcome(problem.status(), problem.code(), problem.getMessage());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized() {
        return Response.fromResponse(outcome(401, IssueType.LOGIN, "A valid bearer token is needed"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return outcome(403, IssueType.FORBIDDEN, "The token's roles do not allow this");
    }

    @ServerExceptionMapper
    public Response identityProviderDown(OIDCException e) {
        return Response.fromResponse(outcome(503, IssueType.TRANSIENT,
                "The identity provider cannot be reached to verify the token; try again shortly"))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response upstreamUnreachable(ProcessingException e) {
        LOG.warnf("Upstream call failed: %s", e.toString());
        return outcome(503, IssueType.TRANSIENT, "A clinic service cannot be reached; try again shortly");
    }

    @ServerExceptionMapper
    public Response upstreamOpen(CircuitBreakerOpenException e) {
        return outcome(503, IssueType.TRANSIENT, "A clinic service is unavailable; try again shortly");
    }

    @ServerExceptionMapper
    public Response upstreamSlow(TimeoutException e) {
        return outcome(504, IssueType.TIMEOUT, "A clinic service did not answer in time");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        IssueType code = switch (status) {
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 400 -> IssueType.INVALID;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
        String detail = switch (status) {
            case 404 -> "No such resource type or resource";
            case 405 -> "This interaction is not supported; see /fhir/r4/metadata";
            case 406 -> "Only application/fhir+json is produced";
            case 415 -> "Send application/fhir+json";
            default -> Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        return outcome(status, code, detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return outcome(500, IssueType.EXCEPTION, "Internal error");
    }

    static Response outcome(int status, IssueType code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR).setCode(code)
                .setDiagnostics(diagnostics);
        return Response.status(status).type(FhirMedia.FHIR_JSON).entity(outcome).build();
    }
}
