package ca.bim.clinic.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import ca.bim.clinic.gateway.edge.RedisBuckets;

/** {@code rate-limit-store}: where the buckets live and, with Redis, whether they are shared right now. */
@Readiness
@ApplicationScoped
public class RateLimitStoreReadiness implements HealthCheck {

    private final RedisBuckets redis;

    RateLimitStoreReadiness(RedisBuckets redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        return redis.health();
    }
}
