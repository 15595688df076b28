package ca.bim.clinic.fhir.client;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.bim.clinic.fhir.error.FhirProblem;

/** Reads a native answer, or turns the native problem into a {@link FhirProblem} with the same meaning. */
final class Upstream {

    private static final GenericType<Map<String, Object>> PROBLEM = new GenericType<>() {
    };

    private Upstream() {
    }

    /**
     * Makes the call and reads its answer. The REST client throws on 4xx and 5xx before the caller sees the
     * response; either way the native problem is read from it.
     */
    static <T> T call(Supplier<Response> call, Class<T> type, String service) {
        return read(invoke(call), type, service);
    }

    static <T> T call(Supplier<Response> call, GenericType<T> type, String service) {
        return read(invoke(call), type, service);
    }

    private static Response invoke(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
    }

    static <T> T read(Response response, Class<T> type, String service) {
        try (response) {
            requireSuccess(response, service);
            return response.readEntity(type);
        }
    }

    static <T> T read(Response response, GenericType<T> type, String service) {
        try (response) {
            requireSuccess(response, service);
            return response.readEntity(type);
        }
    }

    private static void requireSuccess(Response response, String service) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = detail(response);
        throw switch (status) {
            case 400 -> new FhirProblem(400, IssueType.INVALID, detail);
            case 401 -> new FhirProblem(401, IssueType.LOGIN, detail);
            case 403 -> new FhirProblem(403, IssueType.FORBIDDEN, detail);
            case 404 -> new FhirProblem(404, IssueType.NOTFOUND, detail);
            case 409 -> new FhirProblem(409, IssueType.CONFLICT, detail);
            case 422 -> new FhirProblem(422, IssueType.BUSINESSRULE, detail);
            case 429 -> new FhirProblem(429, IssueType.THROTTLED, detail);
            case 503 -> new FhirProblem(503, IssueType.TRANSIENT, detail);
            // Anything else is the upstream's failure, not the caller's: its details stay private.
            default -> new FhirProblem(502, IssueType.EXCEPTION, service + " failed (status " + status + ")");
        };
    }

    /** The native problem's detail (written for API callers), or its title. */
    private static String detail(Response response) {
        try {
            Map<String, Object> problem = response.readEntity(PROBLEM);
            Object detail = problem.get("detail");
            if (detail == null) {
                detail = problem.get("title");
            }
            return detail == null ? "Status " + response.getStatus() : detail.toString();
        } catch (RuntimeException unreadable) {
            return "Status " + response.getStatus();
        }
    }
}
