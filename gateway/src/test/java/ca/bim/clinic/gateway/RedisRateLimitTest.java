package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.testing.Tokens;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * Buckets on the Redis of this machine (127.0.0.1:6379), under a key prefix of this run only. A second Bucket4j
 * client in the test plays another gateway replica drawing from the same buckets.
 */
@QuarkusTest
@TestProfile(RedisRateLimitTest.OnRedis.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class RedisRateLimitTest {

    static final String PREFIX = "clinic-test:" + UUID.randomUUID() + ":";

    public static class OnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.redis-url", LocalRedis.URL,
                    "gateway.rate-limit.redis-key-prefix", PREFIX,
                    "gateway.rate-limit.anonymous.requests-per-minute", "100000",
                    "gateway.rate-limit.authenticated.requests-per-minute", "5");
        }
    }

    private static RedisClient redis;
    private static StatefulRedisConnection<String, byte[]> connection;
    private static AsyncProxyManager<String> otherReplica;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @BeforeAll
    static void otherReplica() {
        LocalRedis.assumeAnswering();
        redis = RedisClient.create(LocalRedis.URL);
        connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        otherReplica = Bucket4jLettuce.casBasedBuilder(connection).build().asAsync();
    }

    @AfterAll
    static void cleanUp() {
        if (connection != null) {
            var keys = connection.sync().keys(PREFIX + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
            connection.close();
            redis.shutdown();
        }
    }

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.booking().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")));
        // The connection is made in the background at start.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(management.toString())
                .get("/health/ready").then().body("checks.find { it.name == 'rate-limit-store' }.data.redis",
                        is("available")));
    }

    @Test
    void anotherReplicasCallsCountAgainstTheSameBudgetAndTheHeadersSaySo() throws Exception {
        String subject = UUID.randomUUID().toString();
        String token = OidcWiremockTestResource.generateJwtToken("alice", Set.of("client"), subject, "Bearer",
                Set.of(Tokens.AUDIENCE), Map.of("azp", "clinic-web"));
        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200)
                .header("RateLimit-Limit", is("5")).header("RateLimit-Remaining", is("4"));
        assertThat(connection.sync().keys(PREFIX + "*")).anyMatch(key -> key.contains(subject));

        // The other replica serves two calls of the same caller.
        String key = PREFIX + "id:" + subject + "|clinic-web";
        var sameBucket = otherReplica.builder().build(key, () -> CompletableFuture.completedFuture(
                BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(5)
                        .refillGreedy(5, Duration.ofMinutes(1)).build()).build()));
        assertThat(sameBucket.tryConsume(2).get()).isTrue();

        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200)
                .header("RateLimit-Remaining", is("1"));
        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(200)
                .header("RateLimit-Remaining", is("0"));
        given().auth().oauth2(token).get("/api/v1/appointments").then().statusCode(429)
                .header("RateLimit-Remaining", is("0"));
    }

    @Test
    void requestBodiesPassWhileTheDecisionComesFromRedis() {
        String token = Tokens.of("alice", UUID.randomUUID().toString(), "client");
        String body = "{\"clientId\":\"" + UUID.randomUUID() + "\",\"note\":\"" + "x".repeat(20_000) + "\"}";
        given().auth().oauth2(token).contentType("application/json").body(body).post("/api/v1/appointments")
                .then().statusCode(200);
        StubUpstreams.booking().verify(postRequestedFor(urlPathEqualTo("/api/v1/appointments"))
                .withRequestBody(equalToJson(body)));
    }

    @Test
    void operatorsSeeThatLimitsAreShared() {
        given().baseUri(management.toString()).get("/health/ready").then()
                .body("checks.find { it.name == 'rate-limit-store' }.status", is("UP"))
                .body("checks.find { it.name == 'rate-limit-store' }.data.store", is("redis"))
                .body("checks.find { it.name == 'rate-limit-store' }.data.limits", is("shared"));
        given().baseUri(management.toString()).get("/metrics").then()
                .body(containsString("gateway_rate_limit_redis_available 1.0"));
    }
}
