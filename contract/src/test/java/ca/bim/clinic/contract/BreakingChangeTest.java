package ca.bim.clinic.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openapitools.openapidiff.core.OpenApiCompare;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Each committed OpenAPI document must stay compatible with the one released under tag {@value #RELEASE}, unless its
 * {@code info.version} was raised. Without the tag (a fresh repository, a shallow clone) the copies under
 * {@code contract/baseline/} stand for the release; {@code -Dcontract.baseline.update=true} rewrites them from the
 * committed documents (do that only when cutting a release).
 */
class BreakingChangeTest {

    static final String RELEASE = "v1.0.0";
    static final Path ROOT = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
    static final List<String> DOCUMENTS = List.of("booking-service", "injury-service", "client-service", "fhir-service",
            "gateway");

    @TestFactory
    List<DynamicTest> everyCommittedDocumentIsCompatibleWithTheReleaseOrRaisesItsVersion() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String module : DOCUMENTS) {
            Path current = Path.of(module, "src/main/openapi/openapi.json");
            Path baseline = Path.of("contract/baseline", module + ".json");
            if (Boolean.getBoolean("contract.baseline.update")) {
                Files.copy(ROOT.resolve(current), ROOT.resolve(baseline),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            tests.add(DynamicTest.dynamicTest(module, () -> {
                String released = released(current, baseline);
                String now = Files.readString(ROOT.resolve(current));
                List<String> breaking = breakingChanges(released, now);
                if (!breaking.isEmpty()) {
                    assertThat(version(now)).as("%s breaks %s without raising info.version:%n  %s", current,
                            RELEASE, String.join("\n  ", breaking)).isNotEqualTo(version(released));
                }
            }));
        }
        return tests;
    }

    @Test
    void aRemovedOperationOrARequiredRequestFieldIsBreaking() {
        String before = document("1.0.0", """
                "/api/v1/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok"}}}},
                "/api/v1/things/{id}": {"delete": {"operationId": "deleteThing", "parameters": [{"name": "id",
                  "in": "path", "required": true, "schema": {"type": "string"}}],
                  "responses": {"204": {"description": "gone"}}}}""");
        String withoutDelete = document("1.0.0", """
                "/api/v1/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok"}}}}""");
        String newRequiredQuery = document("1.0.0", """
                "/api/v1/things": {"get": {"operationId": "listThings", "parameters": [{"name": "owner",
                  "in": "query", "required": true, "schema": {"type": "string"}}],
                  "responses": {"200": {"description": "ok"}}}},
                "/api/v1/things/{id}": {"delete": {"operationId": "deleteThing", "parameters": [{"name": "id",
                  "in": "path", "required": true, "schema": {"type": "string"}}],
                  "responses": {"204": {"description": "gone"}}}}""");
        assertThat(breakingChanges(before, withoutDelete)).containsExactly("removed DELETE /api/v1/things/{id}");
        assertThat(breakingChanges(before, newRequiredQuery)).containsExactly("changed GET /api/v1/things");
        assertThat(breakingChanges(before, before)).isEmpty();
        assertThat(version(document("1.1.0", ""))).isEqualTo("1.1.0");
    }

    @Test
    void addingAnOperationIsNotBreaking() {
        String before = document("1.0.0", """
                "/api/v1/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok"}}}}""");
        String after = document("1.0.0", """
                "/api/v1/things": {"get": {"operationId": "listThings", "responses": {"200": {"description": "ok"}}}},
                "/api/v1/other": {"get": {"operationId": "listOther", "responses": {"200": {"description": "ok"}}}}""");
        assertThat(breakingChanges(before, after)).isEmpty();
    }

    /** What a client generated from {@code before} would trip over in {@code after}; empty when compatible. */
    static List<String> breakingChanges(String before, String after) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(before, after);
        List<String> found = new ArrayList<>();
        if (!diff.isIncompatible()) {
            return found;
        }
        diff.getMissingEndpoints().forEach(e -> found.add("removed " + e.getMethod() + " " + e.getPathUrl()));
        diff.getChangedOperations().stream().filter(o -> o.isCoreChanged().isIncompatible()
                || o.isChanged().isIncompatible())
                .forEach(o -> found.add("changed " + o.getHttpMethod() + " " + o.getPathUrl()));
        if (found.isEmpty()) {
            found.add("incompatible change outside the operations (components or security)");
        }
        return found.stream().distinct().toList();
    }

    private static String released(Path current, Path baseline) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", ROOT.toString(), "show", RELEASE + ":" + current)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = git.getInputStream().readAllBytes();
        if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0) {
            return new String(out, StandardCharsets.UTF_8);
        }
        return Files.readString(ROOT.resolve(baseline));
    }

    static String version(String document) {
        try {
            return new ObjectMapper().readTree(document).path("info").path("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String document(String version, String paths) {
        return "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"" + version + "\"}, \"paths\": {"
                + paths + "}}";
    }
}
