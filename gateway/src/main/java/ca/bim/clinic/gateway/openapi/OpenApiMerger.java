package ca.bim.clinic.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the one contract the edge publishes. Pure and deterministic: the same
 * inputs give the same document, so the committed merged contract can be checked for drift.
 * <ul>
 * <li>Paths: each service contributes only the paths the gateway routes to it; the gateway's own operations win.</li>
 * <li>Components: a name defined identically by several documents is kept once; a name with different definitions is
 * prefixed with its source ({@code Booking}, {@code Injury}, ...) in every document that defines it, and references
 * are rewritten. Repeated until stable, since renaming can make two definitions differ.</li>
 * <li>Security: all schemes are replaced by one OAuth2 scheme {@value #SCHEME} on the Keycloak realm, and every
 * requirement points at it.</li>
 * <li>Edge answers: every proxied operation also documents the 429, 503 and 504 the gateway itself may give, by
 * reference to the gateway's {@code Edge*} responses, unless the service already documents that status.</li>
 * </ul>
 */
public final class OpenApiMerger {

    public static final String SCHEME = "keycloak";
    static final String OWN = "gateway";

    private static final List<String> COMPONENT_TYPES = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> EDGE_RESPONSES = new TreeMap<>(Map.of(
            "429", "#/components/responses/EdgeRateLimited",
            "503", "#/components/responses/EdgeUpstreamUnavailable",
            "504", "#/components/responses/EdgeUpstreamTimeout"));
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private OpenApiMerger() {
    }

    /** One service's document and the path prefixes the gateway routes to it. */
    public record Source(JsonNode document, List<String> prefixes) {
    }

    /**
     * @param own the gateway's own document: info, its operations, its components
     * @param sources service documents by upstream name
     * @param realmUrl the Keycloak realm URL browsers use, e.g. {@code http://localhost:8180/realms/clinic}
     */
    public static ObjectNode merge(JsonNode own, SortedMap<String, Source> sources, String realmUrl) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put(OWN, own);
        sources.forEach((name, source) -> documents.put(name, source.document()));

        Map<String, Map<String, String>> renames = resolveClashes(documents);

        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", own.path("openapi").asText("3.1.0"));
        merged.set("info", own.path("info").deepCopy());

        ObjectNode paths = NODES.objectNode();
        addPaths(paths, own, null, renames.get(OWN));
        sources.forEach((name, source) -> addPaths(paths, source.document(), source.prefixes(), renames.get(name)));
        merged.set("paths", paths);

        ObjectNode components = NODES.objectNode();
        for (String type : COMPONENT_TYPES) {
            ObjectNode byName = NODES.objectNode();
            documents.forEach((source, document) -> document.path("components").path(type).properties()
                    .forEach(entry -> byName.set(renames.get(source).getOrDefault(ref(type, entry.getKey()),
                            ref(type, entry.getKey())).substring(prefix(type).length()),
                            rewrite(entry.getValue(), renames.get(source)))));
            if (!byName.isEmpty()) {
                components.set(type, byName);
            }
        }
        components.set("securitySchemes", NODES.objectNode().set(SCHEME, scheme(realmUrl)));
        merged.set("components", components);

        Map<String, JsonNode> tags = new TreeMap<>();
        documents.values().forEach(document -> document.path("tags")
                .forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag)));
        ArrayNode tagList = NODES.arrayNode();
        tags.values().forEach(tagList::add);
        merged.set("tags", tagList);
        return (ObjectNode) sorted(merged);
    }

    /** Old reference to new reference, per source document. */
    private static Map<String, Map<String, String>> resolveClashes(Map<String, JsonNode> documents) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        documents.keySet().forEach(source -> renames.put(source, new HashMap<>()));
        boolean changed = true;
        for (int round = 0; changed; round++) {
            if (round == 20) {
                throw new IllegalStateException("Component names do not settle; check the input documents");
            }
            changed = false;
            for (String type : COMPONENT_TYPES) {
                // Final name -> (source -> definition as it will be published).
                Map<String, Map<String, JsonNode>> definitions = new TreeMap<>();
                for (Map.Entry<String, JsonNode> document : documents.entrySet()) {
                    Map<String, String> own = renames.get(document.getKey());
                    document.getValue().path("components").path(type).properties().forEach(entry -> {
                        String ref = own.getOrDefault(ref(type, entry.getKey()), ref(type, entry.getKey()));
                        definitions.computeIfAbsent(ref, r -> new LinkedHashMap<>())
                                .put(document.getKey(), rewrite(entry.getValue(), own));
                    });
                }
                for (Map.Entry<String, Map<String, JsonNode>> entry : definitions.entrySet()) {
                    if (entry.getValue().values().stream().distinct().count() > 1) {
                        String name = entry.getKey().substring(prefix(type).length());
                        for (String source : entry.getValue().keySet()) {
                            String original = originalRef(renames.get(source), entry.getKey());
                            renames.get(source).put(original, prefix(type) + capitalize(source) + name);
                        }
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    private static String originalRef(Map<String, String> renames, String current) {
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (rename.getValue().equals(current)) {
                return rename.getKey();
            }
        }
        return current;
    }

    private static void addPaths(ObjectNode paths, JsonNode document, List<String> prefixes,
            Map<String, String> renames) {
        document.path("paths").properties().forEach(entry -> {
            String path = entry.getKey();
            if (prefixes != null && prefixes.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                return; // not reachable through the gateway
            }
            if (!paths.has(path)) {
                JsonNode item = securedWithScheme(rewrite(entry.getValue(), renames));
                if (prefixes != null) {
                    withEdgeResponses(item);
                }
                paths.set(path, item);
            }
        });
    }

    private static void withEdgeResponses(JsonNode pathItem) {
        for (String method : METHODS) {
            if (pathItem.get(method) instanceof ObjectNode operation) {
                ObjectNode responses = operation.get("responses") instanceof ObjectNode existing ? existing
                        : operation.putObject("responses");
                EDGE_RESPONSES.forEach((status, ref) -> {
                    if (!responses.has(status)) {
                        responses.set(status, NODES.objectNode().put("$ref", ref));
                    }
                });
            }
        }
    }

    /** Points every security requirement of a path item's operations at the single scheme. */
    private static JsonNode securedWithScheme(JsonNode pathItem) {
        pathItem.properties().forEach(operation -> {
            if (operation.getValue() instanceof ObjectNode op && op.has("security")) {
                ArrayNode requirements = NODES.arrayNode();
                for (JsonNode requirement : op.get("security")) {
                    if (requirement.isEmpty()) {
                        requirements.add(requirement); // {} means "anonymous allowed"
                    } else {
                        ArrayNode scopes = NODES.arrayNode();
                        requirement.forEach(values -> values.forEach(scopes::add));
                        requirements.add(NODES.objectNode().set(SCHEME, scopes));
                    }
                }
                op.set("security", requirements);
            }
        });
        return pathItem;
    }

    private static ObjectNode scheme(String realmUrl) {
        String base = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
        ObjectNode scopes = NODES.objectNode().put("openid", "OpenID Connect sign-in");
        ObjectNode flows = NODES.objectNode();
        flows.set("authorizationCode", NODES.objectNode()
                .put("authorizationUrl", base + "/protocol/openid-connect/auth")
                .put("tokenUrl", base + "/protocol/openid-connect/token")
                .put("refreshUrl", base + "/protocol/openid-connect/token")
                .set("scopes", scopes.deepCopy()));
        flows.set("clientCredentials", NODES.objectNode()
                .put("tokenUrl", base + "/protocol/openid-connect/token")
                .set("scopes", scopes.deepCopy()));
        ObjectNode scheme = NODES.objectNode().put("type", "oauth2")
                .put("description", "Keycloak realm clinic: authorization code with PKCE for apps (client "
                        + "clinic-web), client credentials for partners. Access tokens are JWTs signed by the realm, carry audience "
                        + "clinic-api and live 5 minutes; every service checks signature, algorithm, issuer, audience "
                        + "and expiry as RFC8725 recommends.");
        scheme.set("flows", flows);
        return scheme;
    }

    /** A deep copy with {@code $ref}s renamed. */
    private static JsonNode rewrite(JsonNode node, Map<String, String> renames) {
        JsonNode copy = node.deepCopy();
        if (!renames.isEmpty()) {
            rewriteInPlace(copy, renames);
        }
        return copy;
    }

    private static void rewriteInPlace(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.forEach(child -> rewriteInPlace(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteInPlace(child, renames));
        }
    }

    /** Object keys in alphabetical order at every level, so output is stable whatever the inputs' order. */
    static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = NODES.objectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            names.forEach(name -> out.set(name, sorted(object.get(name))));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = NODES.arrayNode();
            for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

    private static String ref(String type, String name) {
        return prefix(type) + name;
    }

    private static String prefix(String type) {
        return "#/components/" + type + "/";
    }

    private static String capitalize(String source) {
        return source.substring(0, 1).toUpperCase(Locale.ROOT) + source.substring(1);
    }
}
