package ca.bim.clinic.gateway.edge;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the edge decides before anything reaches an upstream: the caller's rate limit and whether the route needs a
 * token. Quarkus OIDC has already validated any bearer token proactively (signature, issuer, expiry, audience); a
 * token that fails lands in {@link #failed} and never reaches a route handler.
 */
@ApplicationScoped
public class EdgePolicy {

    private static final Logger LOG = Logger.getLogger(EdgePolicy.class);

    /** After Quarkus' authentication (-200) and authorization (-100), before the routes. */
    static final int ORDER = -50;

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final GatewayConfig.Auth auth;
    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final MeterRegistry registry;

    EdgePolicy(GatewayConfig config, RateLimiter limiter, ClientAddress clientAddress, MeterRegistry registry) {
        this.auth = config.auth();
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.registry = registry;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::apiCall);
        // The FHIR view is an API like the others: same limits, same token rules at the edge.
        router.route("/fhir/*").order(ORDER).handler(this::apiCall);
        router.route("/openapi").order(ORDER).handler(this::limitOnly);
        router.route().order(RequestIds.ORDER).failureHandler(this::failed);
    }

    private void apiCall(RoutingContext ctx) {
        SecurityIdentity identity = identity(ctx);
        withinLimit(ctx, identity, () -> {
            if (identity == null && isProtected(ctx)) {
                ctx.request().resume();
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.send(ctx, 401, "Unauthorized", "This operation needs a valid bearer token");
                return;
            }
            ctx.next();
        });
    }

    private void limitOnly(RoutingContext ctx) {
        withinLimit(ctx, identity(ctx), ctx::next);
    }

    /** Failures raised before or outside the proxy: bad tokens, an unreachable Keycloak, anything unexpected. */
    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationException) {
            LOG.debugf("Bearer token rejected for %s %s: %s", ctx.request().method(), ctx.request().path(),
                    failure.getMessage());
            withinLimit(ctx, null, () -> {
                ctx.request().resume();
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                Problems.send(ctx, 401, "Unauthorized",
                        "The bearer token is missing, malformed, expired or not trusted");
            });
        } else if (failure instanceof OIDCException) {
            // Keycloak cannot be reached to verify the token: not the caller's fault.
            LOG.warnf("Cannot verify a bearer token: %s", failure.getMessage());
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 503, "Service Unavailable", "The identity provider is unavailable; try again shortly");
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            Problems.send(ctx, ctx.statusCode(), HttpResponseStatus.valueOf(ctx.statusCode()).reasonPhrase(), null);
        } else {
            LOG.errorf(failure, "Unhandled failure on %s %s", ctx.request().method(), ctx.request().path());
            Problems.send(ctx, 500, "Internal Server Error", "The gateway failed to handle the request");
        }
    }

    /**
     * Consumes one token, then runs {@code allowed}; answers 429 instead when the caller is over the limit. With a
     * shared store the decision arrives asynchronously: the request stays paused until the next handler (the proxy
     * pipes the body from where it stands) or a rejection (which lets the unread body drain) takes it over.
     */
    private void withinLimit(RoutingContext ctx, SecurityIdentity identity, Runnable allowed) {
        if (!limiter.enabled()) {
            allowed.run();
            return;
        }
        Future<RateLimiter.Decision> pending = limiter.consume(key(identity), clientAddress.of(ctx.request()));
        if (pending.isComplete()) {
            decided(ctx, identity, pending.result(), allowed);
            return;
        }
        ctx.request().pause();
        pending.onComplete(result -> {
            if (result.succeeded()) {
                decided(ctx, identity, result.result(), allowed);
            } else {
                ctx.request().resume();
                ctx.fail(result.cause());
            }
        });
    }

    private void decided(RoutingContext ctx, SecurityIdentity identity, RateLimiter.Decision decision,
            Runnable allowed) {
        decision.writeHeaders(ctx.response());
        if (!decision.allowed()) {
            ctx.request().resume();
            registry.counter("gateway.rate_limit.rejections", "caller", identity == null ? "anonymous" : "authenticated")
                    .increment();
            Problems.send(ctx, 429, "Too Many Requests",
                    "Rate limit of " + decision.limit() + " requests a minute exceeded; retry after "
                            + decision.retryAfterSeconds() + " s");
            return;
        }
        allowed.run();
    }

    private boolean isProtected(RoutingContext ctx) {
        if (auth.protectWrites() && !READS.contains(ctx.request().method())) {
            return true;
        }
        String path = ctx.normalizedPath();
        for (String prefix : auth.protectedPrefixes()) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The authenticated identity, or null for an anonymous call. */
    static SecurityIdentity identity(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }

    /** Subject and authorized party: the same user through two apps gets two budgets. */
    private static String key(SecurityIdentity identity) {
        if (identity == null) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            return jwt.getSubject() + "|" + (azp == null ? "" : azp);
        }
        return identity.getPrincipal().getName();
    }
}
