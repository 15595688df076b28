package ca.bim.clinic.gateway.edge;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Accepts a caller's {@code X-Request-Id} or creates one, so one id follows a call through the edge, the upstream
 * (which receives it as a request header) and back to the caller. It is also in the access log and the MDC.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    /** Runs before CORS (-300) and authentication (-200) so every answer carries the id. */
    static final int ORDER = -1000;

    // Anything else (too long, control characters, spaces) is replaced: ids end up in logs.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !ACCEPTED.matcher(id).matches()) {
            id = newId();
            ctx.request().headers().set(HEADER, id);
        }
        ctx.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        ctx.next();
    }

    /** A random (version 4) UUID; ids need to be unique, not unguessable, so no SecureRandom on the event loop. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    public static String of(RoutingContext ctx) {
        return ctx.request().getHeader(HEADER);
    }
}
