package ca.bim.clinic.booking.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Stands in for client-service and for Keycloak's token endpoint of booking-service's own identity.
 * <ul>
 * <li>{@code GET /api/v1/clients/me} answers for the subject of the forwarded bearer token, so a request without the
 * caller's token fails like the real service would. Every subject has a client record unless a test said otherwise
 * ({@link #withoutProfile}, {@link #unreachableFor}).</li>
 * <li>{@code GET /internal/v1/client-standing} (the standing feed) and {@code /internal/v1/client-standing/{id}}
 * answer only booking-service's service token carrying the role {@code client-standing:read}. Every client is
 * active with data-sharing consent unless a test said otherwise ({@link #set}); each {@link #set} is a change that
 * appears in the feed, like client-service's outbox.</li>
 * <li>{@code POST /internal/v1/booking-events} accepts events from the service token and records them; so does
 * {@code POST /internal/v1/booking-events/batch}, with a status per event, unless {@link #batchUnsupported} makes it
 * answer 404 like a client-service from before batches.</li>
 * </ul>
 * The stub is reset before every test ({@link ResetBeforeEachTest}), so no test sees another's settings.
 */
public class ClientServiceStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static volatile WireMockServer server;

    /** The subject of booking-service's client-credentials token (azp booking-service, no realm roles). */
    public static final String SERVICE_SUBJECT = "service-account-booking-service";

    /** How client-service treats a client id in a test. */
    public enum Standing {
        ACTIVE, UNKNOWN, ARCHIVED, NO_DATA_SHARING, DOWN
    }

    /** The role client-service requires of booking-service for the standing endpoints. */
    public static final String STANDING_ROLE = "client-standing:read";

    /** One change of a client's standing as the feed carries it. */
    record FeedItem(long position, UUID clientId, String subject, Standing standing) {
        String json() {
            return "{\"position\":\"" + position + "\",\"clientId\":\"" + clientId + "\",\"subject\":"
                    + (subject == null ? "null" : "\"" + subject + "\"") + ",\"status\":\""
                    + (standing == Standing.ARCHIVED ? "archived" : "active") + "\",\"consents\":["
                    + (standing == Standing.NO_DATA_SHARING ? "\"treatment\"" : "\"treatment\",\"data-sharing\"")
                    + "],\"changedAt\":\"2026-04-01T10:00:00Z\"}";
        }
    }

    private static final Map<UUID, Standing> STANDINGS = new ConcurrentHashMap<>();
    private static final Map<UUID, String> SUBJECTS = new ConcurrentHashMap<>();
    private static final List<FeedItem> FEED = new CopyOnWriteArrayList<>();
    /** Positions keep growing across resets, as they would in client-service, so stored cursors stay valid. */
    private static final AtomicLong POSITIONS = new AtomicLong();
    private static volatile boolean down;
    private static volatile boolean batchUnsupported;
    private static volatile boolean credentialsRefused;
    private static final AtomicLong BATCHES = new AtomicLong();
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private static final java.util.Set<String> REFUSED_MARKERS = ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> WITHOUT_PROFILE = ConcurrentHashMap.newKeySet();
    private static final java.util.Set<String> UNREACHABLE_FOR = ConcurrentHashMap.newKeySet();

    /** {@code GET /api/v1/clients/me} answers 404 for this subject: the account has no client record yet. */
    public static void withoutProfile(String subject) {
        WITHOUT_PROFILE.add(subject);
    }

    /** {@code GET /api/v1/clients/me} answers 503 for this subject, as if client-service were down for it. */
    public static void unreachableFor(String subject) {
        UNREACHABLE_FOR.add(subject);
    }

    /** Booking events whose body contains {@code marker} are refused with a 422 until {@link #acceptEvents}. */
    public static void refuseEventsMentioning(String marker) {
        REFUSED_MARKERS.add(marker);
    }

    public static void acceptEvents(String marker) {
        REFUSED_MARKERS.remove(marker);
    }

    /** Changes a client's standing; anything but UNKNOWN and DOWN is also a new item in the standing feed. */
    public static void set(UUID clientId, Standing standing) {
        set(clientId, SUBJECTS.get(clientId), standing);
    }

    /** As {@link #set(UUID, Standing)}, for a client whose account has this Keycloak subject. */
    public static void set(UUID clientId, String subject, Standing standing) {
        STANDINGS.put(clientId, standing);
        if (subject != null) {
            SUBJECTS.put(clientId, subject);
        }
        if (standing != Standing.UNKNOWN && standing != Standing.DOWN) {
            FEED.add(new FeedItem(POSITIONS.incrementAndGet(), clientId, subject, standing));
        }
    }

    /** While set, the batch endpoint answers 404, as a client-service from before batches would. */
    public static void batchUnsupported(boolean unsupported) {
        batchUnsupported = unsupported;
    }

    /** While set, the event endpoints answer 401, as they would to an expired or unknown service token. */
    public static void refuseCredentials(boolean refused) {
        credentialsRefused = refused;
    }

    /** How many batches of events client-service answered. */
    public static long batches() {
        return BATCHES.get();
    }

    /** While down, every client-service endpoint answers 503 (Keycloak's token endpoint stays up). */
    public static void down(boolean isDown) {
        down = isDown;
    }

    /** Forgets standings, feed items, recorded events and requests, and brings client-service back up. */
    public static void reset() {
        STANDINGS.clear();
        SUBJECTS.clear();
        FEED.clear();
        EVENTS.clear();
        REFUSED_MARKERS.clear();
        WITHOUT_PROFILE.clear();
        UNREACHABLE_FOR.clear();
        down = false;
        batchUnsupported = false;
        credentialsRefused = false;
        BATCHES.set(0);
        if (server != null) {
            server.resetRequests();
        }
    }

    /** How many standing-feed page requests client-service received. */
    public static long feedRequests() {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/internal/v1/client-standing?")
                        || e.getRequest().getUrl().equals("/internal/v1/client-standing"))
                .count();
    }

    /** Bodies of the booking events client-service accepted, in arrival order. */
    public static List<String> events() {
        return List.copyOf(EVENTS);
    }

    /** How many single-client standing requests client-service received for this client. */
    public static long statusRequestsFor(UUID clientId) {
        return server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/internal/v1/client-standing/" + clientId)).count();
    }

    static String serviceToken() {
        return OidcWiremockTestResource.generateJwtToken("service-account-booking-service", Set.of(STANDING_ROLE),
                SERVICE_SUBJECT, "Bearer", Set.of("clinic-api"), Map.of("azp", "booking-service"));
    }

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
        // Enough threads for the concurrent booking tests, each of which asks client-service.
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(50)
                .extensions(new AnswerForSubject()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        return Map.of("clinic.client-service.url", server.baseUrl(),
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + "/realms/clinic");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static final class AnswerForSubject implements ResponseDefinitionTransformerV2 {

        private static final java.util.regex.Pattern STANDING_PATH = java.util.regex.Pattern
                .compile("/internal/v1/client-standing/([0-9a-f-]{36})");

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String url = event.getRequest().getUrl();
            int query = url.indexOf('?');
            String path = query < 0 ? url : url.substring(0, query);
            if (path.equals("/realms/clinic/protocol/openid-connect/token")) {
                return tokenResponse(event);
            }
            if (down) {
                return problem(503, "Service Unavailable");
            }
            if (path.equals("/api/v1/clients/me")) {
                return me(event);
            }
            String authorization = event.getRequest().getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")
                    || !SERVICE_SUBJECT.equals(subjectOf(authorization.substring("Bearer ".length())))) {
                return problem(401, "Unauthorized");
            }
            if (credentialsRefused && path.startsWith("/internal/v1/booking-events")) {
                return problem(401, "Unauthorized");
            }
            if (path.equals("/internal/v1/booking-events/batch") && event.getRequest().getMethod().getName().equals("POST")) {
                return batchUnsupported ? problem(404, "Not Found") : batch(event.getRequest().getBodyAsString());
            }
            if (path.equals("/internal/v1/booking-events") && event.getRequest().getMethod().getName().equals("POST")) {
                String body = event.getRequest().getBodyAsString();
                if (REFUSED_MARKERS.stream().anyMatch(body::contains)) {
                    return problem(422, "Unprocessable Content");
                }
                EVENTS.add(body);
                return responseDefinition().withStatus(202).build();
            }
            if (!path.startsWith("/internal/v1/client-standing")) {
                return problem(404, "Not Found");
            }
            if (!rolesOf(authorization.substring("Bearer ".length())).contains(STANDING_ROLE)) {
                return problem(403, "Forbidden");
            }
            if (path.equals("/internal/v1/client-standing")) {
                return feed(event);
            }
            java.util.regex.Matcher matcher = STANDING_PATH.matcher(path);
            if (!matcher.matches()) {
                return problem(404, "Not Found");
            }
            UUID id = UUID.fromString(matcher.group(1));
            Standing standing = STANDINGS.get(id);
            if (standing == Standing.DOWN) {
                return problem(503, "Service Unavailable");
            }
            if (standing == Standing.UNKNOWN) {
                return problem(404, "Not Found");
            }
            FeedItem newest = null;
            for (FeedItem item : FEED) {
                if (item.clientId().equals(id)) {
                    newest = item;
                }
            }
            if (newest == null) {
                // A client the test never mentioned: active with consent, as if created before the test.
                newest = new FeedItem(POSITIONS.incrementAndGet(), id, null, Standing.ACTIVE);
                FEED.add(newest);
            }
            return json(newest.json());
        }

        /** Each envelope on its own: refused with 422 if it mentions a refused marker, else recorded. */
        private static ResponseDefinition batch(String body) {
            StringBuilder results = new StringBuilder("{\"results\":[");
            try {
                com.fasterxml.jackson.databind.JsonNode envelopes = JSON.readTree(body);
                for (int i = 0; i < envelopes.size(); i++) {
                    String envelope = JSON.writeValueAsString(envelopes.get(i));
                    boolean refused = REFUSED_MARKERS.stream().anyMatch(envelope::contains);
                    if (!refused) {
                        EVENTS.add(envelope);
                    }
                    results.append(i == 0 ? "" : ",").append("{\"id\":\"").append(envelopes.get(i).path("id").asText())
                            .append("\",\"status\":").append(refused ? 422 : 204).append('}');
                }
            } catch (java.io.IOException e) {
                return problem(400, "Bad Request");
            }
            BATCHES.incrementAndGet();
            return json(results.append("]}").toString());
        }

        private static ResponseDefinition feed(ServeEvent event) {
            String after = event.getRequest().queryParameter("after").isPresent()
                    ? event.getRequest().queryParameter("after").firstValue() : null;
            int limit = event.getRequest().queryParameter("limit").isPresent()
                    ? Integer.parseInt(event.getRequest().queryParameter("limit").firstValue()) : 100;
            long from;
            try {
                from = after == null ? 0 : Long.parseLong(after);
            } catch (NumberFormatException e) {
                return problem(400, "Bad Request");
            }
            List<FeedItem> items = FEED.stream().filter(i -> i.position() > from).limit(limit).toList();
            String next = items.isEmpty() ? (after == null ? "0" : after)
                    : Long.toString(items.get(items.size() - 1).position());
            return json("{\"items\":[" + String.join(",", items.stream().map(FeedItem::json).toList())
                    + "],\"next\":\"" + next + "\"}");
        }

        private static ResponseDefinition tokenResponse(ServeEvent event) {
            String body = event.getRequest().getBodyAsString();
            String authorization = event.getRequest().getHeader("Authorization");
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    "booking-service:booking-service-secret".getBytes(StandardCharsets.UTF_8));
            boolean secretInBody = body.contains("client_id=booking-service")
                    && body.contains("client_secret=booking-service-secret");
            if (!body.contains("grant_type=client_credentials") || !(basic.equals(authorization) || secretInBody)) {
                return responseDefinition().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}").build();
            }
            return json("{\"access_token\":\"" + serviceToken() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        }

        private static ResponseDefinition json(String body) {
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)
                    .build();
        }

        private ResponseDefinition me(ServeEvent event) {
            String authorization = event.getRequest().getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                return problem(401, "Unauthorized");
            }
            String subject = subjectOf(authorization.substring("Bearer ".length()));
            if (WITHOUT_PROFILE.contains(subject)) {
                return problem(404, "Not Found");
            }
            if (UNREACHABLE_FOR.contains(subject)) {
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

        static Set<String> rolesOf(String jwt) {
            try {
                JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
                Set<String> roles = new java.util.HashSet<>();
                claims.path("groups").forEach(g -> roles.add(g.asText()));
                return roles;
            } catch (Exception e) {
                return Set.of();
            }
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
