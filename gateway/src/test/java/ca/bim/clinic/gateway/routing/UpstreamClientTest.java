package ca.bim.clinic.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.gateway.StubUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/** Proxied calls take their upstream connection from a pool of the caller's own event loop. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class UpstreamClientTest {

    @Inject Upstreams upstreams;
    @Inject Vertx vertx;

    @Test
    void eachEventLoopHasItsOwnPoolAndKeepsIt() throws Exception {
        Upstream booking = upstreams.get("booking");
        Context first = newContext();
        Context second = newContext();
        // Event loops are handed out in turn: within a few contexts one lands on another loop.
        for (int i = 0; i < 16 && threadOf(second) == threadOf(first); i++) {
            second = newContext();
        }
        assertNotSame(threadOf(first), threadOf(second), "the gateway runs a single event loop");
        HttpClient onFirst = clientOn(first, booking);
        HttpClient onSecond = clientOn(second, booking);

        assertNotSame(onFirst, onSecond, "two event loops share one pool");
        assertSame(onFirst, clientOn(first, booking), "the same event loop got another pool");
        assertNotSame(onFirst, clientOn(first, upstreams.get("injury")), "two upstreams share one pool");
    }

    @Test
    void offAnEventLoopTheSharedClientServes() throws Exception {
        Upstream booking = upstreams.get("booking");
        assertFalse(Context.isOnEventLoopThread());
        HttpClient shared = booking.client();

        assertSame(shared, booking.client());
        assertNotSame(shared, clientOn(newContext(), booking));
    }

    /** A context on the next event loop: Vert.x keeps one per calling thread, so each is made on a new thread. */
    private Context newContext() throws Exception {
        CompletableFuture<Context> context = new CompletableFuture<>();
        Thread maker = new Thread(() -> context.complete(vertx.getOrCreateContext()));
        maker.start();
        return context.get(10, TimeUnit.SECONDS);
    }

    private static Thread threadOf(Context context) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        context.runOnContext(ignored -> thread.complete(Thread.currentThread()));
        return thread.get(10, TimeUnit.SECONDS);
    }

    private static HttpClient clientOn(Context context, Upstream upstream) throws Exception {
        CompletableFuture<HttpClient> client = new CompletableFuture<>();
        context.runOnContext(ignored -> client.complete(upstream.client()));
        return client.get(10, TimeUnit.SECONDS);
    }
}
