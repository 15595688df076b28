package ca.bim.clinic.fhir.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * booking-service, client-service and the token endpoint of fhir-service's own identity, stubbed at HTTP level on
 * one WireMock server. Tests stub what they need after {@link #reset()}; anything unstubbed answers 404.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    /** The access token fhir-service obtains for itself (client credentials). */
    public static final String SERVICE_TOKEN = "fhir-service-own-token";

    private static volatile WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        reset();
        String url = server.baseUrl();
        return Map.of(
                "clinic.booking-service.url", url,
                "clinic.client-service.url", url,
                "quarkus.oidc-client.auth-server-url", url + "/realms/clinic",
                "fhir.base-url", "https://fhir.example/fhir/r4");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Forgets stubs and requests; keeps the token endpoint. */
    public static void reset() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/realms/clinic/protocol/openid-connect/token"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + SERVICE_TOKEN + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":300}")));
    }

    public static void json(MappingBuilder request, int status, String body) {
        server.stubFor(request.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body)));
    }

    public static void json(String path, String body) {
        json(get(urlPathEqualTo(path)), 200, body);
    }

    public static String problem(int status, String detail) {
        return "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"t\",\"detail\":\"" + detail + "\"}";
    }
}
