package ca.bim.clinic.fhir.error;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** An error the caller can act on, answered as an OperationOutcome with this status and issue code. */
public class FhirProblem extends RuntimeException {

    private final int status;
    private final IssueType code;

    public FhirProblem(int status, IssueType code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public static FhirProblem notFound(String detail) {
        return new FhirProblem(404, IssueType.NOTFOUND, detail);
    }

    public static FhirProblem badRequest(String detail) {
        return new FhirProblem(400, IssueType.INVALID, detail);
    }

    public static FhirProblem unprocessable(String detail) {
        return new FhirProblem(422, IssueType.PROCESSING, detail);
    }

    public int status() {
        return status;
    }

    public IssueType code() {
        return code;
    }
}
