package ca.bim.clinic.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads the repository's own files, so deployment descriptors are checked against the code they deploy. */
final class Repository {

    static final List<String> APPLICATIONS = List.of("booking-service", "injury-service", "client-service", "fhir-service",
            "gateway");

    static final Path ROOT = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();

    private Repository() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        return (Map<String, Object>) yamlDocuments(file).get(0);
    }

    /** Every document of a file; SnakeYAML resolves the merge keys (<<) compose files use. */
    static List<Object> yamlDocuments(Path file) {
        try (InputStream in = Files.newInputStream(ROOT.resolve(file))) {
            List<Object> documents = new ArrayList<>();
            new Yaml(new LoaderOptions()).loadAll(in).forEach(document -> {
                if (document != null) {
                    documents.add(document);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys an application declares in its application.properties, profile-less or for %prod. */
    static Set<String> propertyKeys(String module) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%") || key.startsWith("%prod."))
                .map(key -> key.startsWith("%prod.") ? key.substring("%prod.".length()) : key)
                .collect(Collectors.toSet());
    }

    /** The environment variable name that overrides a property (MicroProfile Config's mapping rule). */
    static String environmentName(String propertyKey) {
        return propertyKey.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Health and metrics inside containers: the management interface's port there. */
    static final int CONTAINER_MANAGEMENT_PORT = 9000;

    static int httpPort(String module) {
        return Integer.parseInt(properties(module).getProperty("quarkus.http.port"));
    }

    /** The management interface's local port (health, metrics), or -1 when the application has none. */
    static int managementPort(String module) {
        return Integer.parseInt(properties(module).getProperty("quarkus.management.port", "-1"));
    }

    private static Properties properties(String module) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static Path dockerfile(String module) {
        return Path.of(module, "src/main/docker/Dockerfile.jvm");
    }

    static String pom(String module) {
        return read(Path.of(module, "pom.xml"));
    }

    static String read(Path file) {
        try {
            return Files.readString(ROOT.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The REST client config keys a module declares with @RegisterRestClient(configKey = "..."). */
    static Set<String> restClientKeys(String module) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> read(ROOT.relativize(file)))
                    .flatMap(source -> java.util.regex.Pattern.compile("configKey\\s*=\\s*\"([^\"]+)\"")
                            .matcher(source).results().map(match -> match.group(1)))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
