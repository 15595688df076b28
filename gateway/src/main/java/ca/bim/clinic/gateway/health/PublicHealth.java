package ca.bim.clinic.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The only health the public port answers: UP or DOWN and nothing else. The full documents, with each upstream's
 * check and its URL, are on the management port, which is never published.
 */
@ApplicationScoped
public class PublicHealth {

    private final SmallRyeHealthReporter reporter;

    PublicHealth(SmallRyeHealthReporter reporter) {
        this.reporter = reporter;
    }

    void register(@Observes Router router) {
        router.get("/q/health").handler(ctx -> answer(ctx, reporter.getHealthAsync()));
        router.get("/q/health/live").handler(ctx -> answer(ctx, reporter.getLivenessAsync()));
        router.get("/q/health/ready").handler(ctx -> answer(ctx, reporter.getReadinessAsync()));
    }

    private static void answer(RoutingContext ctx, Uni<SmallRyeHealth> health) {
        health.subscribe().with(result -> {
            boolean up = !result.isDown();
            ctx.response().setStatusCode(up ? 200 : 503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        }, ctx::fail);
    }
}
