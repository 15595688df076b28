package ca.bim.clinic.fhir.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.bim.clinic.fhir.error.FhirProblem;

/**
 * Demographics from client-service, asked as fhir-service itself. client-service answers 404 unless the client has
 * granted data sharing: that is an empty result, never an error the partner could tell apart.
 */
@ApplicationScoped
public class PatientDirectory {

    @Inject @RestClient ClientServiceApi api;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = FhirProblem.class)
    public Optional<Native.Demographics> demographics(UUID clientId) {
        try {
            return Optional.of(Upstream.call(() -> api.patient(clientId.toString()), Native.Demographics.class,
                    "client-service"));
        } catch (FhirProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            // Our own identity was refused: a configuration fault of this service, not the caller's.
            if (problem.status() == 401 || problem.status() == 403) {
                throw new FhirProblem(502, IssueType.EXCEPTION, "client-service refused fhir-service's identity");
            }
            throw problem;
        }
    }
}
