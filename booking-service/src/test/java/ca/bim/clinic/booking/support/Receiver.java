package ca.bim.clinic.booking.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** A partner's webhook receiver on 127.0.0.1, answering with a scripted series of statuses. */
public final class Receiver implements AutoCloseable {

    private final WireMockServer server;

    public Receiver() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        answer(200);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port() + "/hook";
    }

    /** Always answers this status from now on. */
    public void answer(int status) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(status)));
    }

    /** Always answers this status and body from now on. */
    public void answer(int status, String body) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** Answers 200 at once, then sends its body a little at a time over {@code millis}. */
    public void trickle(int millis) {
        server.resetMappings();
        server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(40)).withChunkedDribbleDelay(40, millis)));
    }

    /** Answers {@code status} to the first {@code times} requests, then 204. */
    public void failFirst(int times, int status) {
        server.resetMappings();
        String state = STARTED;
        for (int i = 1; i <= times; i++) {
            String next = "after-" + i;
            server.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(status)).willSetStateTo(next));
            state = next;
        }
        server.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(204)));
    }

    /** Requests received, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlEqualTo("/hook")));
    }

    @Override
    public void close() {
        server.stop();
    }
}
