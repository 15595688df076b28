package ca.bim.clinic.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ca.bim.clinic.gateway.routing.Upstream;
import ca.bim.clinic.gateway.routing.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;

/**
 * One readiness check per upstream ({@code upstream-booking}, ...), UP when the service's own
 * {@code /q/health/ready} (on its management port) answers 200. These details are served on the management port
 * only. The gateway is ready only when everything behind it is: liveness is
 * unaffected, so an orchestrator does not restart the edge for an upstream's outage.
 */
@ApplicationScoped
public class UpstreamReadiness {

    private static final long PROBE_TIMEOUT_MILLIS = 1_000;

    void register(@Observes StartupEvent event, Upstreams upstreams, @Readiness HealthRegistry registry) {
        for (Upstream upstream : upstreams.all()) {
            registry.register("upstream-" + upstream.name(), (AsyncHealthCheck) () -> check(upstream));
        }
    }

    private static Uni<HealthCheckResponse> check(Upstream upstream) {
        String name = "upstream-" + upstream.name();
        return Uni.createFrom().completionStage(() -> upstream.readiness(PROBE_TIMEOUT_MILLIS).toCompletionStage())
                .map(status -> HealthCheckResponse.named(name).status(status == 200)
                        .withData("url", upstream.healthUrl().toString()).withData("status", status).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(name).down()
                        .withData("url", upstream.healthUrl().toString())
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}
