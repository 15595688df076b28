package ca.bim.clinic.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The merge function over the committed documents, and the drift check of the committed merged contract. */
class OpenApiMergerTest {

    static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");
    static final String REALM = "http://localhost:8180/realms/clinic";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The services' committed documents with the prefixes application.properties routes to them. */
    static SortedMap<String, OpenApiMerger.Source> committedSources() throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        }
        SortedMap<String, OpenApiMerger.Source> sources = new TreeMap<>();
        for (String name : List.of("booking", "client", "fhir", "injury")) {
            List<String> prefixes = List.of(config.getProperty("gateway.upstreams." + name + ".prefixes").split(","));
            sources.put(name, new OpenApiMerger.Source(
                    read(Path.of("../" + name + "-service/src/main/openapi/openapi.json")), prefixes));
        }
        return sources;
    }

    static JsonNode own() throws IOException {
        return read(Path.of("src/main/resources/META-INF/openapi.json"));
    }

    @Test
    void committedMergedContractMatchesTheServicesDocuments() throws IOException {
        ObjectNode merged = OpenApiMerger.merge(own(), committedSources(), REALM);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged) + "\n");
        }
        assertThat(read(COMMITTED))
                .as("The merged contract differs from %s; rerun with -Dopenapi.update=true and review it", COMMITTED)
                .isEqualTo(merged);
    }

    @Test
    void mergeIsDeterministic() throws IOException {
        assertThat(OpenApiMerger.merge(own(), committedSources(), REALM))
                .isEqualTo(OpenApiMerger.merge(own(), committedSources(), REALM));
    }

    @Test
    void everyServicePathAndTheGatewaysOwnAreIncluded() throws IOException {
        JsonNode merged = OpenApiMerger.merge(own(), committedSources(), REALM);
        for (OpenApiMerger.Source source : committedSources().values()) {
            source.document().path("paths").fieldNames().forEachRemaining(path ->
                    assertThat(merged.path("paths").has(path)).as(path).isTrue());
        }
        assertThat(merged.path("paths").has("/api/v1/injuries/{slug}/care-options")).isTrue();
        assertThat(merged.path("paths").has("/openapi")).isTrue();
        assertThat(merged.path("info").path("title").asText()).isEqualTo("Clinic API");
    }

    @Test
    void pathsNotRoutedToTheServiceAreLeftOut() throws IOException {
        SortedMap<String, OpenApiMerger.Source> sources = new TreeMap<>();
        sources.put("booking", new OpenApiMerger.Source(JSON.readTree("""
                {"paths":{"/api/v1/locations":{"get":{}},"/internal/outbox":{"get":{}}}}"""),
                List.of("/api/v1/locations")));
        JsonNode merged = OpenApiMerger.merge(own(), sources, REALM);
        assertThat(merged.path("paths").has("/api/v1/locations")).isTrue();
        assertThat(merged.path("paths").has("/internal/outbox")).isFalse();
    }

    @Test
    void identicalSchemasAreSharedAndClashingOnesRenamedWithTheirReferences() throws IOException {
        SortedMap<String, OpenApiMerger.Source> sources = new TreeMap<>();
        sources.put("booking", new OpenApiMerger.Source(JSON.readTree("""
                {"paths":{"/api/v1/locations":{"get":{"responses":{"200":{"content":{"application/json":
                  {"schema":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                 "components":{"schemas":{"Summary":{"type":"object","properties":{"at":{"$ref":"#/components/schemas/Instant"}}},
                   "Instant":{"type":"string","format":"date-time"},
                   "Same":{"type":"string"}}}}"""), List.of("/api/v1/locations")));
        sources.put("injury", new OpenApiMerger.Source(JSON.readTree("""
                {"paths":{"/api/v1/injuries":{"get":{"responses":{"200":{"content":{"application/json":
                  {"schema":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                 "components":{"schemas":{"Summary":{"type":"string"},
                   "Instant":{"type":"string","format":"date-time"},
                   "Same":{"type":"string"}}}}"""), List.of("/api/v1/injuries")));
        JsonNode merged = OpenApiMerger.merge(own(), sources, REALM);
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.has("Summary")).isFalse();
        assertThat(schemas.path("BookingSummary").path("type").asText()).isEqualTo("object");
        assertThat(schemas.path("InjurySummary").path("type").asText()).isEqualTo("string");
        assertThat(schemas.has("Same")).isTrue();
        assertThat(schemas.has("Instant")).isTrue();
        assertThat(schemas.path("BookingSummary").path("properties").path("at").path("$ref").asText())
                .isEqualTo("#/components/schemas/Instant");
        assertThat(merged.at("/paths/~1api~1v1~1locations/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/BookingSummary");
        assertThat(merged.at("/paths/~1api~1v1~1injuries/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/InjurySummary");
    }

    @Test
    void schemasDifferingOnlyThroughARenamedReferenceAreRenamedToo() throws IOException {
        SortedMap<String, OpenApiMerger.Source> sources = new TreeMap<>();
        sources.put("booking", new OpenApiMerger.Source(JSON.readTree("""
                {"components":{"schemas":{"Page":{"$ref":"#/components/schemas/Item"},"Item":{"type":"integer"}}}}"""),
                List.of()));
        sources.put("client", new OpenApiMerger.Source(JSON.readTree("""
                {"components":{"schemas":{"Page":{"$ref":"#/components/schemas/Item"},"Item":{"type":"string"}}}}"""),
                List.of()));
        JsonNode schemas = OpenApiMerger.merge(own(), sources, REALM).path("components").path("schemas");
        assertThat(schemas.path("BookingPage").path("$ref").asText()).isEqualTo("#/components/schemas/BookingItem");
        assertThat(schemas.path("ClientPage").path("$ref").asText()).isEqualTo("#/components/schemas/ClientItem");
    }

    @Test
    void oneOAuth2SchemeOnKeycloakReplacesTheServicesSchemes() throws IOException {
        JsonNode merged = OpenApiMerger.merge(own(), committedSources(), REALM);
        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertThat(schemes.size()).isEqualTo(1);
        JsonNode flow = schemes.path(OpenApiMerger.SCHEME).path("flows").path("authorizationCode");
        assertThat(flow.path("authorizationUrl").asText()).isEqualTo(REALM + "/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asText()).isEqualTo(REALM + "/protocol/openid-connect/token");
        merged.path("paths").forEach(item -> item.forEach(operation -> operation.path("security")
                .forEach(requirement -> requirement.fieldNames().forEachRemaining(
                        name -> assertThat(name).isEqualTo(OpenApiMerger.SCHEME)))));
    }

    @Test
    void proxiedOperationsDocumentTheEdgesOwnAnswers() throws IOException {
        JsonNode merged = OpenApiMerger.merge(own(), committedSources(), REALM);
        JsonNode locations = merged.at("/paths/~1api~1v1~1locations/get/responses");
        // The services document 429 and 503 with the shared answers of clinic-common; the edge adds what they lack.
        assertThat(locations.path("429").path("$ref").asText()).isEqualTo("#/components/responses/TooManyRequests");
        assertThat(locations.path("503").path("$ref").asText()).isEqualTo("#/components/responses/ServiceUnavailable");
        assertThat(locations.path("504").path("$ref").asText()).isEqualTo("#/components/responses/EdgeUpstreamTimeout");
        assertThat(merged.at("/components/responses/TooManyRequests/headers").has("Retry-After")).isTrue();
        assertThat(merged.at("/components/responses/EdgeRateLimited/headers").has("Retry-After")).isTrue();
    }

    private static JsonNode read(Path path) throws IOException {
        return JSON.readTree(Files.readString(path));
    }
}
