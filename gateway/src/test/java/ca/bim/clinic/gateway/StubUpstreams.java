package ca.bim.clinic.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock servers standing in for booking-, injury-, client- and fhir-service. Each serves its service's committed
 * OpenAPI document and a ready health check; tests add the stubs they need. Init arg {@code down} names upstreams
 * pointed at a closed port instead, so they are refused like a stopped service.
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final Set<String> NAMES = Set.of("booking", "injury", "client", "fhir");
    private static final Map<String, WireMockServer> SERVERS = new HashMap<>();

    private Set<String> down = Set.of();

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault("down", "");
        down = value.isBlank() ? Set.of() : Set.of(value.split(","));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String name : NAMES) {
            if (down.contains(name)) {
                String closed = "http://127.0.0.1:" + closedPort();
                config.put("gateway.upstreams." + name + ".url", closed);
                config.put("gateway.upstreams." + name + ".management-url", closed);
                continue;
            }
            WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
            server.start();
            SERVERS.put(name, server);
            stubDefaults(name, server);
            // One stub answers both the API and the management interface's readiness.
            config.put("gateway.upstreams." + name + ".url", "http://127.0.0.1:" + server.port());
            config.put("gateway.upstreams." + name + ".management-url", "http://127.0.0.1:" + server.port());
        }
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(WireMockServer::stop);
        SERVERS.clear();
    }

    public static WireMockServer booking() {
        return server("booking");
    }

    public static WireMockServer injury() {
        return server("injury");
    }

    public static WireMockServer client() {
        return server("client");
    }

    public static WireMockServer fhir() {
        return server("fhir");
    }

    /** Drops what a previous test stubbed and recorded. */
    public static void reset() {
        SERVERS.forEach((name, server) -> {
            server.resetAll();
            stubDefaults(name, server);
        });
    }

    private static WireMockServer server(String name) {
        WireMockServer server = SERVERS.get(name);
        if (server == null) {
            throw new IllegalStateException(name + " is not stubbed in this test");
        }
        return server;
    }

    private static void stubDefaults(String name, WireMockServer server) {
        server.stubFor(get(urlPathEqualTo("/q/openapi")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(committedDocument(name))));
        server.stubFor(get(urlPathEqualTo("/q/health/ready")).atPriority(1)
                .willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
    }

    /** The service's committed contract, read from its module beside this one. */
    public static String committedDocument(String name) {
        try {
            return Files.readString(Path.of("..", name + "-service", "src", "main", "openapi", "openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
