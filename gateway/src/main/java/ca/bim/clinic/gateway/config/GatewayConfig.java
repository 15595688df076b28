package ca.bim.clinic.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the edge. Every key is overridable by environment, for example
 * {@code GATEWAY_UPSTREAMS_BOOKING_URL=http://booking-service:8081} or
 * {@code GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE=100000}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Upstream> upstreams();

    Auth auth();

    RateLimit rateLimit();

    CircuitBreaker circuitBreaker();

    CareOptions careOptions();

    OpenApi openapi();

    Headers headers();

    /**
     * Addresses or CIDR ranges (IPv4 or IPv6) of the reverse proxies and load balancers in front of the gateway. Only
     * when the TCP peer is one of them is {@code X-Forwarded-For} believed; empty (the default) believes no one.
     */
    Optional<List<String>> trustedProxies();

    interface Upstream {

        /** Base URL of the service; paths are forwarded unchanged. */
        URI url();

        /**
         * Base URL of the service's management interface, where the gateway's readiness asks
         * {@code /q/health/ready}; without it, {@link #url()} is asked.
         */
        Optional<URI> managementUrl();

        /** Path prefixes routed to this service, such as {@code /api/v1/locations}. */
        List<String> prefixes();

        /** Time to open a connection; a refused or unreachable upstream answers 503 within it. */
        @WithDefault("500ms")
        Duration connectTimeout();

        /** Longest wait for the upstream's response (and between body chunks) before 504. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Auth {

        /** Prefixes where every method needs a valid bearer token at the edge. */
        @WithDefault("/api/v1/clients,/api/v1/appointments,/api/v1/webhooks,/api/v1/events,/api/v1/appointment-series,/api/v1/holds,/api/v1/waitlist")
        List<String> protectedPrefixes();

        /** Whether POST, PUT, PATCH and DELETE need a valid bearer token on every route. */
        @WithDefault("true")
        boolean protectWrites();
    }

    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Calls without a token, counted per client IP. */
        Limit anonymous();

        /** Calls with a valid token, counted per identity (token subject and authorized party). */
        Limit authenticated();

        /** Identities and IPs idle this long are forgotten (their bucket would be full again anyway). */
        @WithDefault("10m")
        Duration idleExpiry();

        /**
         * Redis holding the buckets of every gateway replica, e.g. {@code redis://redis:6379} or
         * {@code rediss://:password@host:6380} ({@code GATEWAY_RATE_LIMIT_REDIS_URL}). Unset: buckets in memory.
         */
        Optional<String> redisUrl();

        /** Prefix of the bucket keys in Redis, so several deployments can share one Redis. */
        @WithDefault("clinic:rate-limit:")
        String redisKeyPrefix();

        /** Longest wait for Redis per call; past it the call is counted in a local bucket. */
        @WithDefault("250ms")
        Duration redisTimeout();

        /** After Redis failed, how long local buckets are used before Redis is asked again. */
        @WithDefault("5s")
        Duration redisRetry();

        interface Limit {
            int requestsPerMinute();
        }
    }

    interface CircuitBreaker {

        /** Rolling window of calls over which the failure ratio is computed. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting a trial call through. */
        @WithDefault("5s")
        Duration delay();

        /** Successful trial calls needed to close it again. */
        @WithDefault("1")
        int successThreshold();
    }

    interface CareOptions {

        /** Days of availability searched, starting today in {@link #zone()}. */
        @WithDefault("14")
        int days();

        /** Slots returned per appointment type and location. */
        @WithDefault("3")
        int slotsPerLocation();

        @WithDefault("America/Vancouver")
        ZoneId zone();
    }

    interface Headers {

        /** Answers under these prefixes carry {@code Cache-Control: no-store}: they hold personal and health data. */
        @WithDefault("/api/v1/clients,/api/v1/appointments,/api/v1/appointment-series,/api/v1/holds,/api/v1/waitlist")
        List<String> noStorePrefixes();

        Hsts hsts();

        interface Hsts {

            /**
             * Whether browsers are told to use https only. Set it when clients reach the gateway over https through a
             * TLS-terminating proxy; a gateway that serves TLS itself sends the header on its https answers anyway.
             */
            @WithDefault("false")
            boolean enabled();

            @WithDefault("365d")
            Duration maxAge();

            @WithDefault("false")
            boolean includeSubdomains();
        }
    }

    interface OpenApi {

        /** How often the upstreams' documents are fetched again. */
        @WithDefault("60s")
        Duration refresh();

        /** Keycloak realm URL as browsers reach it, for the contract's OAuth2 flows. */
        @WithDefault("${quarkus.oidc.auth-server-url}")
        String authServerUrl();
    }
}
