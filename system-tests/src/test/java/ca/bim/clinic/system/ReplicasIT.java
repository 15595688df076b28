package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The platform scaled out: two gateways sharing their rate-limit buckets on Redis, and two booking-services on one
 * database, both dispatching the outbox. Gateway A routes booking calls to the first booking-service, gateway B to
 * the second, so a call's gateway decides which replica serves it. Everything else is the running system's.
 */
@ExtendWith(SystemExtension.class)
class ReplicasIT {

    private static final String REDIS_URL = System.getProperty("redis.url", "redis://127.0.0.1:6379");
    /** Anonymous calls per minute per address on both gateways: small, so the test needs few calls. */
    private static final int ANONYMOUS_LIMIT = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Keycloak keycloak;
    private static String gatewayA;
    private static String gatewayB;
    private static HttpServer receiver;
    private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private record Delivery(String webhookId, JsonNode envelope) {
    }

    @BeforeAll
    static void scaleOut(RunningSystem system) throws IOException {
        URI redis = URI.create(REDIS_URL);
        Assumptions.assumeTrue(answers(redis), "No Redis answers at " + REDIS_URL
                + "; the two-replica test needs one (start redis-server, or pass -Dredis.url=redis://host:port)");
        system.startReplicas(Map.of(
                "GATEWAY_RATE_LIMIT_REDIS_URL", REDIS_URL,
                // Buckets of this run only: neither an earlier run nor a local stack on the same Redis interferes.
                "GATEWAY_RATE_LIMIT_REDIS_KEY_PREFIX", "clinic-it:" + UUID.randomUUID() + ":",
                "GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE", String.valueOf(ANONYMOUS_LIMIT),
                // This test is about sharing, not the fall-back (RedisUnreachableTest): on a busy 2-core CI machine a
                // first call answered after the default 250 ms was counted locally and each gateway kept its own limit.
                "GATEWAY_RATE_LIMIT_REDIS_TIMEOUT", "5s",
                // The test stands in for a load balancer on 127.0.0.1 that names the caller in X-Forwarded-For.
                "GATEWAY_TRUSTED_PROXIES", "127.0.0.1"));
        gatewayA = system.url(RunningSystem.GATEWAY_A);
        gatewayB = system.url(RunningSystem.GATEWAY_B);
        for (String gateway : List.of(RunningSystem.GATEWAY_A, RunningSystem.GATEWAY_B)) {
            Waits.until(gateway + " shares its rate limits on Redis", () -> "shared".equals(given()
                    .baseUri(system.managementUrl(gateway)).get("/q/health/ready").jsonPath()
                    .getString("checks.find { it.name == 'rate-limit-store' }.data.limits")));
        }

        keycloak = new Keycloak(system.keycloakUrl());
        String alice = keycloak.userToken("alice");
        given().baseUri(gatewayA).auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Alice\", \"lastName\": \"Runner\"}")
                .post("/api/v1/clients").then().statusCode(is(oneOf(201, 409)));

        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"), JSON.readTree(body)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void thirtyConcurrentBookingsOfOneSlotOverBothReplicasGiveExactlyOneAppointment() {
        String alice = keycloak.userToken("alice");
        Map<String, Object> slot = freeSlot(gatewayA, alice);
        String body = json(slot);

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String gateway = i % 2 == 0 ? gatewayA : gatewayB;
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/appointments"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            calls.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).as("answers by status").isEqualTo(Map.of(201, 1L, 409, 29L));
        assertThat(answers.stream().filter(a -> a.statusCode() == 409))
                .allSatisfy(a -> assertThat(a.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json"));
        // Each gateway reaches one replica only, so both replicas took part in the race.
        assertThat(answers.stream().map(a -> a.uri().getPort()).distinct()).hasSize(2);

        HttpResponse<String> won = answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow();
        String appointment = JsonPath.from(won.body()).getString("id");
        String otherGateway = won.uri().getPort() == URI.create(gatewayA).getPort() ? gatewayB : gatewayA;
        given().baseUri(otherGateway).auth().oauth2(alice).get("/api/v1/appointments/" + appointment)
                .then().statusCode(200).body("startsAt", equalTo(slot.get("startsAt")));
        cancel(otherGateway, alice, appointment);
    }

    @Test
    void aCallerAlternatingBetweenTheGatewaysGetsOneSharedLimit() {
        String caller = "198.51.100.7";
        long started = System.nanoTime();
        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 2 * ANONYMOUS_LIMIT + 2; i++) {
            answers.add(given().baseUri(i % 2 == 0 ? gatewayA : gatewayB).header("X-Forwarded-For", caller)
                    .get("/api/v1/locations"));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        long allowed = answers.stream().filter(a -> a.statusCode() == 200).count();
        // The bucket refills one call every minute / limit: a slow run may earn that many more, never a second limit.
        long refilled = elapsed.toMillis() * ANONYMOUS_LIMIT / Duration.ofMinutes(1).toMillis();
        assertThat(allowed).as("calls allowed in %s over both gateways", elapsed)
                .isBetween((long) ANONYMOUS_LIMIT, ANONYMOUS_LIMIT + refilled);
        assertThat(answers.subList(0, ANONYMOUS_LIMIT)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(answers).allSatisfy(a -> assertThat(a.header("RateLimit-Limit"))
                .isEqualTo(String.valueOf(ANONYMOUS_LIMIT)));
        // Both gateways refuse once the shared bucket is empty: neither kept a limit of its own.
        List<Response> last = answers.subList(answers.size() - 2, answers.size());
        assertThat(last).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(429);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.header("Retry-After")).isNotBlank();
        });
        // The second call, through B, already saw the token A's first call took.
        assertThat(answers.get(1).header("RateLimit-Remaining")).isEqualTo(String.valueOf(ANONYMOUS_LIMIT - 2));
    }

    @Test
    void everyEventIsDeliveredExactlyOnceWhileBothDispatchersRun() {
        String admin = keycloak.userToken("andrea");
        String alice = keycloak.userToken("alice");
        String webhook = given().baseUri(gatewayA).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "eventTypes", List.of("appointment.booked", "appointment.cancelled")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            List<String> appointments = bookAndCancelOnBothReplicas(alice, 4);
            int expected = 2 * appointments.size();

            Waits.until("both replicas delivered every event", () -> webhookDeliveries(admin, webhook).stream()
                    .filter(d -> "delivered".equals(d.get("status"))).count() == expected);
            List<Map<String, Object>> recorded = webhookDeliveries(admin, webhook);
            assertThat(recorded).hasSize(expected).allSatisfy(d -> {
                assertThat(d.get("status")).isEqualTo("delivered");
                assertThat(d.get("attempts")).isEqualTo(1);
            });

            List<Delivery> received = deliveries.stream()
                    .filter(d -> appointments.contains(appointmentOf(d.envelope())))
                    .toList();
            Map<String, Long> perEvent = received.stream()
                    .collect(Collectors.groupingBy(Delivery::webhookId, Collectors.counting()));
            assertThat(perEvent).as("receipts per event id").hasSize(expected).allSatisfy((id, n) -> assertThat(n)
                    .as(id).isEqualTo(1L));
            assertThat(received.stream().map(d -> d.envelope().path("type").asText()).collect(
                    Collectors.groupingBy(Function.identity(), Collectors.counting())))
                    .isEqualTo(Map.of("appointment.booked", 4L, "appointment.cancelled", 4L));
        } finally {
            given().baseUri(gatewayA).auth().oauth2(admin).delete("/api/v1/webhooks/" + webhook)
                    .then().statusCode(204);
        }
    }

    @Test
    void theCatchUpFeedIsTheSameThroughEitherReplica() {
        String admin = keycloak.userToken("andrea");
        String alice = keycloak.userToken("alice");
        String start = feed(gatewayA, admin, null, 500, Integer.MAX_VALUE).next();
        List<String> appointments = bookAndCancelOnBothReplicas(alice, 2);

        Feed throughA = feed(gatewayA, admin, start, 500, Integer.MAX_VALUE);
        Feed throughB = feed(gatewayB, admin, start, 500, Integer.MAX_VALUE);
        assertThat(throughB.items()).isEqualTo(throughA.items());
        assertThat(throughA.items().stream().map(ReplicasIT::appointmentOf).toList()).containsAll(appointments);

        // A cursor from one replica reads on at the other: page by page, alternating, the same events.
        List<JsonNode> alternating = new ArrayList<>();
        String cursor = start;
        for (int page = 0; ; page++) {
            Feed one = feed(page % 2 == 0 ? gatewayA : gatewayB, admin, cursor, 1, 1);
            alternating.addAll(one.items());
            cursor = one.next();
            if (one.items().isEmpty()) {
                break;
            }
        }
        assertThat(alternating).isEqualTo(throughA.items());
    }

    private record Feed(List<JsonNode> items, String next) {
    }

    /** Reads pages of {@code limit} from {@code after} until the end or {@code pages} pages. */
    private static Feed feed(String gateway, String admin, String after, int limit, int pages) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = after;
        for (int page = 0; page < pages; page++) {
            var request = given().baseUri(gateway).auth().oauth2(admin).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonNode body = readTree(request.get("/api/v1/events").then().statusCode(200).extract().asString());
            body.path("items").forEach(items::add);
            cursor = body.path("next").asText();
            if (!body.path("hasMore").asBoolean()) {
                break;
            }
        }
        return new Feed(items, cursor);
    }

    /** Books through one replica and cancels through the other, {@code rounds} times; the appointments' ids. */
    private static List<String> bookAndCancelOnBothReplicas(String client, int rounds) {
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String booking = i % 2 == 0 ? gatewayA : gatewayB;
            String appointment = given().baseUri(booking).auth().oauth2(client).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(freeSlot(booking, client))
                    .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
            cancel(booking.equals(gatewayA) ? gatewayB : gatewayA, client, appointment);
            appointments.add(appointment);
        }
        return appointments;
    }

    private static void cancel(String gateway, String token, String appointment) {
        given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reason", "Replica test", "waiveLateCancellation", false))
                .post("/api/v1/appointments/" + appointment + "/cancel").then().statusCode(200);
    }

    /** The first free slot from three days on (outside any late-cancellation window), asked with a token. */
    private static Map<String, Object> freeSlot(String gateway, String token) {
        LocalDate from = LocalDate.now(ZoneId.of("America/Vancouver")).plusDays(3);
        Map<String, Object> slot = given().baseUri(gateway).auth().oauth2(token)
                .queryParam("appointmentType", "sports-massage-60")
                .queryParam("from", from.toString()).queryParam("to", from.plusDays(14).toString())
                .get("/api/v1/availability").then().statusCode(200).extract().path("items[0]");
        assertThat(slot).as("a free slot in the two weeks from " + from).isNotNull();
        return new HashMap<>(slot);
    }

    private static List<Map<String, Object>> webhookDeliveries(String admin, String webhook) {
        return given().baseUri(gatewayB).auth().oauth2(admin).queryParam("size", 100)
                .get("/api/v1/webhooks/" + webhook + "/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private static String appointmentOf(JsonNode envelope) {
        return envelope.path("data").path("appointmentId").asText();
    }

    private static boolean answers(URI redis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort()), 1000);
            socket.setSoTimeout(1000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[64];
            int read = socket.getInputStream().read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
