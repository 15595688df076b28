package ca.bim.clinic.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * {@code gateway_upstream_circuit_breaker_open{upstream}}: 1 while the edge leaves an upstream alone, 0.5 while it
 * lets trial calls through, 0 when closed. Read at scrape time from SmallRye Fault Tolerance.
 */
@ApplicationScoped
public class CircuitBreakerMetrics {

    void register(@Observes StartupEvent event, Upstreams upstreams, MeterRegistry registry) {
        CircuitBreakerMaintenance maintenance = CircuitBreakerMaintenance.get();
        for (Upstream upstream : upstreams.all()) {
            String breaker = "upstream-" + upstream.name();
            Gauge.builder("gateway.upstream.circuit_breaker.open", () -> value(maintenance, breaker))
                    .description("Circuit breaker of the upstream: 1 open, 0.5 half-open, 0 closed")
                    .tag("upstream", upstream.name())
                    .register(registry);
        }
    }

    private static double value(CircuitBreakerMaintenance maintenance, String breaker) {
        try {
            CircuitBreakerState state = maintenance.currentState(breaker);
            return state == CircuitBreakerState.OPEN ? 1 : state == CircuitBreakerState.HALF_OPEN ? 0.5 : 0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
