package ca.bim.clinic.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The body is whole in memory before any later route (Quarkus REST's) runs, within the size limit. */
class RequestBodiesTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        RequestBodies bodies = new RequestBodies();
        bodies.limit = new MemorySize(BigInteger.valueOf(1024));
        bodies.register(router);
        // Stands for the endpoint: answers what was already read when it was reached.
        router.route("/echo").handler(ctx -> ctx.response().end(ctx.body().buffer() == null
                ? "not read" : "read " + ctx.body().length() + " bytes: " + ctx.body().asString()));
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPostBodyIsReadBeforeTheEndpointEvenWhenSentInChunks() throws Exception {
        String json = "{\"appointmentType\":\"sports-massage-60\"}";
        // From a stream the client sends it chunked, without a Content-Length.
        HttpResponse<String> response = send("POST", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("read " + json.length() + " bytes: " + json);
    }

    @Test
    void anEmptyPostHasAnEmptyBodyRatherThanNone() throws Exception {
        HttpResponse<String> response = send("POST", HttpRequest.BodyPublishers.noBody());

        assertThat(response.body()).isEqualTo("read 0 bytes: ");
    }

    @Test
    void putAndPatchBodiesToo() throws Exception {
        assertThat(send("PUT", HttpRequest.BodyPublishers.ofString("{}")).body()).isEqualTo("read 2 bytes: {}");
        assertThat(send("PATCH", HttpRequest.BodyPublishers.ofString("[]")).body()).isEqualTo("read 2 bytes: []");
    }

    @Test
    void aGetIsLeftAlone() throws Exception {
        assertThat(send("GET", HttpRequest.BodyPublishers.noBody()).body()).isEqualTo("not read");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        HttpResponse<String> response = send("POST", HttpRequest.BodyPublishers.ofString("x".repeat(1025)));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private static HttpResponse<String> send(String method, HttpRequest.BodyPublisher body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + "/echo"))
                .header("Content-Type", "application/json").method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
