package ca.bim.clinic.booking.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for client-service's {@code GET /api/v1/clients/me}: answers for the subject of the forwarded bearer
 * token, so a request without the caller's token fails like the real service would. Subjects starting with
 * {@code no-profile} have no client record; those starting with {@code client-service-down} get a 503.
 */
public class ClientServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile WireMockServer server;

    /** The client record id the stub reports for a token subject. */
    public static UUID clientIdOf(String subject) {
        return UUID.nameUUIDFromBytes(("client:" + subject).getBytes(StandardCharsets.UTF_8));
    }

    /** How many requests client-service received with a bearer token for this subject. */
    public static long requestsFor(String subject) {
        return server.getAllServeEvents().stream()
                .map(e -> e.getRequest().getHeader("Authorization"))
                .filter(h -> h != null && h.startsWith("Bearer "))
                .filter(h -> subject.equals(AnswerForSubject.subjectOf(h.substring("Bearer ".length()))))
                .count();
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new AnswerForSubject()));
        server.start();
        server.stubFor(get(urlEqualTo("/api/v1/clients/me")).willReturn(aResponse().withStatus(500)));
        return Map.of("quarkus.rest-client.client-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static final class AnswerForSubject implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String authorization = event.getRequest().getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return problem(401, "Unauthorized");
            }
            String subject = subjectOf(authorization.substring("Bearer ".length()));
            if (subject.startsWith("no-profile")) {
                return problem(404, "Not Found");
            }
            if (subject.startsWith("client-service-down")) {
                return problem(503, "Service Unavailable");
            }
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"" + clientIdOf(subject) + "\",\"firstName\":\"Test\"}").build();
        }

        @Override
        public String getName() {
            return "answer-for-subject";
        }

        private static ResponseDefinition problem(int status, String title) {
            return responseDefinition().withStatus(status).withHeader("Content-Type", "application/problem+json")
                    .withBody("{\"status\":" + status + ",\"title\":\"" + title + "\"}").build();
        }

        static String subjectOf(String jwt) {
            try {
                String payload = jwt.split("\\.")[1];
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(payload));
                return claims.path("sub").asText();
            } catch (Exception e) {
                return "";
            }
        }
    }
}
