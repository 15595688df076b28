package ca.bim.clinic.booking.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.error.DomainExceptionMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts booking requests by outcome ({@code booking_requests_total{outcome=...}} on /q/metrics). */
@ApplicationScoped
public class BookingOutcomes {

    public static final String BOOKED = "booked";
    public static final String REPLAYED = "replayed";
    public static final String CONFLICT = "conflict";
    public static final String REJECTED = "rejected";
    public static final String UNAVAILABLE = "unavailable";
    public static final String ERROR = "error";

    @Inject MeterRegistry registry;

    public void record(String outcome) {
        Counter.builder("booking.requests").description("Booking requests by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    /** 409 conflict, other 4xx rejected (invalid, forbidden, unknown or archived client...), 503 unavailable. */
    public void failed(RuntimeException e) {
        int status = e instanceof DomainException d ? DomainExceptionMapper.kindOf(d).status()
                : e instanceof WebApplicationException w ? w.getResponse().getStatus()
                : e instanceof io.quarkiverse.resteasy.problem.HttpProblem p ? p.getStatusCode() : 500;
        record(status == 409 ? CONFLICT : status == 503 ? UNAVAILABLE : status >= 400 && status < 500 ? REJECTED : ERROR);
    }
}
