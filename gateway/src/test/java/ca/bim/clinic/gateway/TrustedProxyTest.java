package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** Behind a trusted proxy (the test client's 127.0.0.1), anonymous callers are limited per forwarded address. */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindAProxy.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class TrustedProxyTest {

    public static class BehindAProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.trusted-proxies", "127.0.0.0/8,::1",
                    "gateway.rate-limit.anonymous.requests-per-minute", "2");
        }
    }

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
        StubUpstreams.booking().stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}")));
    }

    @Test
    void eachForwardedCallerHasItsOwnBudget() {
        String first = randomAddress();
        String second = randomAddress();
        call(first).then().statusCode(200).header("RateLimit-Remaining", is("1"));
        call(first).then().statusCode(200).header("RateLimit-Remaining", is("0"));
        call(first).then().statusCode(429);
        call(second).then().statusCode(200).header("RateLimit-Remaining", is("1"));
    }

    @Test
    void whatACallerWritesLeftOfTheProxysHopIsNotBelieved() {
        String caller = randomAddress();
        call(caller).then().statusCode(200);
        call(caller).then().statusCode(200);
        // The proxy appends the real address on the right; a forged one on the left buys nothing.
        call(randomAddress() + ", " + caller).then().statusCode(429);
    }

    private static io.restassured.response.Response call(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).get("/api/v1/locations");
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
