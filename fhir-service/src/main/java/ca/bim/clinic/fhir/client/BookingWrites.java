package ca.bim.clinic.fhir.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Books in booking-service with the caller's token. Apart from {@link BookingDirectory} because a booking never
 * retries and has no circuit of its own: the partner retries with its Idempotency-Key.
 */
@ApplicationScoped
public class BookingWrites {

    @Inject @RestClient BookingServiceApi api;

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Native.Appointment book(Native.BookingRequest request, String idempotencyKey) {
        return Upstream.call(() -> api.book(request, idempotencyKey), Native.Appointment.class,
                BookingDirectory.SERVICE);
    }
}
