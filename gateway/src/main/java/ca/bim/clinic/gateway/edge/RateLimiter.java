package ca.bim.clinic.gateway.edge;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerResponse;

/**
 * Token buckets (Bucket4j) per caller: per identity for authenticated calls, per IP for anonymous ones. Buckets live
 * in memory of this gateway instance; idle ones are evicted, which loses nothing since an idle bucket is full.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final Cache<String, Bucket> buckets;

    RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(this.config.idleExpiry()).maximumSize(1_000_000).build();
    }

    /** The outcome of one call's consumption, with what the RateLimit headers report. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        public void writeHeaders(HttpServerResponse response) {
            response.putHeader("RateLimit-Limit", Long.toString(limit))
                    .putHeader("RateLimit-Remaining", Long.toString(remaining))
                    .putHeader("RateLimit-Reset", Long.toString(resetSeconds));
            if (!allowed) {
                response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Takes one token from the bucket of {@code identity} (or of {@code ip} when anonymous). */
    public Decision consume(String identity, String ip) {
        boolean anonymous = identity == null;
        int perMinute = anonymous ? config.anonymous().requestsPerMinute() : config.authenticated().requestsPerMinute();
        String key = anonymous ? "ip:" + ip : "id:" + identity;
        Bucket bucket = buckets.get(key, k -> newBucket(perMinute));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), perMinute, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static Bucket newBucket(int perMinute) {
        // Greedy refill: a caller regains capacity gradually instead of all at once at a window edge.
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
