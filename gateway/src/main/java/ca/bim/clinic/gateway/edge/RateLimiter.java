package ca.bim.clinic.gateway.edge;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * Token buckets (Bucket4j) per caller: per identity for authenticated calls, per client address for anonymous ones.
 * With a Redis store ({@code gateway.rate-limit.redis-url}) every gateway replica draws from the same bucket, so the
 * advertised limit holds in total and the RateLimit headers tell the truth; without one, buckets live in this
 * instance's memory. When Redis cannot answer, the caller is counted in a local bucket instead of being refused.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final Cache<String, Bucket> localBuckets;
    private final RedisBuckets redis;

    RateLimiter(GatewayConfig config, RedisBuckets redis) {
        this.config = config.rateLimit();
        this.localBuckets = Caffeine.newBuilder().expireAfterAccess(this.config.idleExpiry()).maximumSize(1_000_000)
                .build();
        this.redis = redis;
    }

    /** The outcome of one call's consumption, with what the RateLimit headers report. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

        static Decision of(ConsumptionProbe probe, long limit) {
            return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(),
                    seconds(probe.getNanosToWaitForReset()), Math.max(1, seconds(probe.getNanosToWaitForRefill())));
        }

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

    /**
     * Takes one token from the bucket of {@code identity} (or of {@code address} when anonymous). Never fails: a store
     * that cannot answer is replaced by a local bucket. The result completes on the caller's Vert.x context.
     */
    public Future<Decision> consume(String identity, String address) {
        boolean anonymous = identity == null;
        int perMinute = anonymous ? config.anonymous().requestsPerMinute() : config.authenticated().requestsPerMinute();
        String key = anonymous ? "ip:" + address : "id:" + identity;
        if (!redis.configured()) {
            return Future.succeededFuture(local(key, perMinute));
        }
        CompletionStage<ConsumptionProbe> shared = redis.tryConsume(key, configuration(perMinute));
        if (shared == null) {
            // Redis is known to be unreachable right now: do not wait for it on every call.
            return Future.succeededFuture(local(key, perMinute));
        }
        var context = Vertx.currentContext();
        Future<ConsumptionProbe> probe = context == null ? Future.fromCompletionStage(shared)
                : Future.fromCompletionStage(shared, context);
        return probe.map(p -> Decision.of(p, perMinute)).recover(failure -> {
            redis.failed(failure);
            return Future.succeededFuture(local(key, perMinute));
        });
    }

    private Decision local(String key, int perMinute) {
        Bucket bucket = localBuckets.get(key, k -> Bucket.builder().addLimit(bandwidth(perMinute)).build());
        return Decision.of(bucket.tryConsumeAndReturnRemaining(1), perMinute);
    }

    private static BucketConfiguration configuration(int perMinute) {
        return BucketConfiguration.builder().addLimit(bandwidth(perMinute)).build();
    }

    /** Greedy refill: a caller regains capacity gradually instead of all at once at a window edge. */
    private static Bandwidth bandwidth(int perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
