package ca.bim.clinic.gateway.edge;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The shared bucket store on Redis, when one is configured. It never stands in the way of a request: before the first
 * connection, while Redis is unreachable and for {@code redis-retry} after any failure it answers "not now" at once,
 * and the caller is counted locally. Operators see the state in readiness data ({@code rate-limit-store}), in
 * {@code gateway_rate_limit_redis_available} and {@code gateway_rate_limit_fallbacks_total}, and in at most one
 * warning a minute.
 */
@ApplicationScoped
public class RedisBuckets {

    private static final Logger LOG = Logger.getLogger(RedisBuckets.class);
    private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final GatewayConfig.RateLimit config;
    private final MeterRegistry registry;
    private final Vertx vertx;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean available = new AtomicBoolean();
    private final AtomicLong failuresSinceLog = new AtomicLong();

    private RedisClient client;
    private RedisURI uri;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile AsyncProxyManager<String> buckets;
    private volatile long retryAtNanos;
    private volatile long loggedAtNanos = System.nanoTime() - LOG_INTERVAL_NANOS;
    private volatile String lastError = "not connected yet";
    private Counter fallbacks;

    RedisBuckets(GatewayConfig config, MeterRegistry registry, Vertx vertx) {
        this.config = config.rateLimit();
        this.registry = registry;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        if (!configured()) {
            return;
        }
        Gauge.builder("gateway.rate_limit.redis.available", available, up -> up.get() ? 1 : 0)
                .description("1 while rate-limit buckets are shared on Redis, 0 while local buckets stand in")
                .register(registry);
        fallbacks = Counter.builder("gateway.rate_limit.fallbacks")
                .description("Rate-limit decisions taken by a local bucket because Redis could not answer")
                .register(registry);
        Duration timeout = config.redisTimeout();
        uri = RedisURI.create(config.redisUrl().orElseThrow());
        uri.setTimeout(timeout);
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail at once while disconnected instead of queueing commands until a reconnect.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
                .build());
        connect();
        // Until a first connection exists Lettuce has nothing to reconnect: keep trying in the background.
        vertx.setPeriodic(config.redisRetry().toMillis(), id -> {
            if (connection == null) {
                connect();
            }
        });
    }

    public boolean configured() {
        return config.redisUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /**
     * Consumes one token of the shared bucket {@code key}, or returns null when Redis is not to be asked now (the
     * caller then counts locally and this fallback is recorded).
     */
    CompletionStage<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        AsyncProxyManager<String> current = buckets;
        if (current == null || System.nanoTime() < retryAtNanos) {
            fellBack(null);
            return null;
        }
        return current.builder()
                .build(config.redisKeyPrefix() + key, () -> CompletableFuture.completedFuture(configuration))
                .tryConsumeAndReturnRemaining(1)
                .thenApply(probe -> {
                    if (available.compareAndSet(false, true)) {
                        LOG.info("Rate limits are shared on Redis again");
                    }
                    return probe;
                });
    }

    /** Redis failed a call: local buckets for a while, recorded and logged at most once a minute. */
    void failed(Throwable failure) {
        retryAtNanos = System.nanoTime() + config.redisRetry().toNanos();
        available.set(false);
        fellBack(failure);
    }

    private void fellBack(Throwable failure) {
        if (fallbacks != null) {
            fallbacks.increment();
        }
        if (failure != null) {
            lastError = failure.getClass().getSimpleName();
        }
        long failures = failuresSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long logged = loggedAtNanos;
        if (now - logged >= LOG_INTERVAL_NANOS && failure != null) {
            loggedAtNanos = now;
            failuresSinceLog.set(0);
            LOG.warnf("Redis for rate limits is unavailable (%s: %s); %d decisions in the last minute were taken by "
                    + "local buckets, so each gateway replica enforces its own limit until Redis answers",
                    lastError, failure.getMessage(), failures);
        }
    }

    private void connect() {
        if (!connecting.compareAndSet(false, true)) {
            return;
        }
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        client.connectAsync(codec, uri).whenComplete((opened, failure) -> {
            connecting.set(false);
            if (failure != null) {
                failed(failure);
                return;
            }
            connection = opened;
            buckets = Bucket4jLettuce.casBasedBuilder(opened)
                    // Keys vanish once a bucket would be full again: Redis holds only callers seen lately.
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build()
                    .asAsync();
            retryAtNanos = 0;
            available.set(true);
            LOG.info("Rate limits are shared on Redis");
        });
    }

    /** Readiness data of the store; always UP, since the gateway keeps serving with local buckets. */
    public HealthCheckResponse health() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("rate-limit-store").up();
        if (!configured()) {
            return response.withData("store", "memory").build();
        }
        response.withData("store", "redis");
        if (available.get() && System.nanoTime() >= retryAtNanos) {
            return response.withData("redis", "available").withData("limits", "shared").build();
        }
        return response.withData("redis", "unavailable").withData("limits", "local fallback per replica")
                .withData("error", lastError).build();
    }

    @PreDestroy
    void stop() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.closeAsync();
        }
        if (client != null) {
            client.shutdownAsync();
        }
    }
}
