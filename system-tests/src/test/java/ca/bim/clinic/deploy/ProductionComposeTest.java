package ca.bim.clinic.deploy;

import static ca.bim.clinic.deploy.ComposeFileTest.list;
import static ca.bim.clinic.deploy.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** deploy/compose/production.yml, checked statically: production Keycloak, no default secrets, little published. */
class ProductionComposeTest {

    private static final Path FILE = Path.of("deploy/compose/production.yml");
    /** A variable with a fallback value: ${NAME:-value} or ${NAME-value}. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):?-");

    private final Map<String, Object> compose = Repository.yaml(FILE);
    private final String text = Repository.read(FILE);

    @Test
    void runsEverythingAnOperatorNeeds() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "keycloak-db", "keycloak", "redis",
                "booking-service", "injury-service", "client-service", "fhir-service", "gateway", "prometheus", "grafana");
    }

    @Test
    void keycloakRunsInProductionModeOnItsOwnDatabase() {
        assertThat(text).doesNotContain("start-dev");
        Map<String, Object> keycloak = service("keycloak");
        assertThat(list(keycloak, "command")).containsExactly("start", "--import-realm");
        Map<String, Object> environment = map(keycloak, "environment");
        assertThat(environment.get("KC_DB")).isEqualTo("postgres");
        assertThat(String.valueOf(environment.get("KC_DB_URL"))).startsWith("jdbc:postgresql://keycloak-db:5432/");
        assertThat(environment).containsKeys("KC_HOSTNAME", "KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD");
        assertThat(map(map(keycloak, "depends_on"), "keycloak-db").get("condition")).isEqualTo("service_healthy");
    }

    @Test
    void noSecretHasADefault() {
        // No variable anywhere in the file falls back to a value when it is unset...
        assertThat(DEFAULTED.matcher(text).results().map(match -> match.group(1)).toList()).isEmpty();
        // ...and every password, secret and admin name is a required variable.
        services().forEach((name, definition) -> {
            Object environment = ((Map<?, ?>) definition).get("environment");
            if (environment instanceof Map<?, ?> variables) {
                variables.forEach((key, value) -> {
                    if (String.valueOf(key).matches(".*(PASSWORD|SECRET|ADMIN_USER).*")) {
                        assertThat(String.valueOf(value)).as(name + " " + key).matches("\\$\\{[A-Z0-9_]+:\\?.*\\}");
                    }
                });
            }
        });
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublished() {
        services().forEach((name, definition) -> {
            boolean published = ((Map<?, ?>) definition).containsKey("ports");
            assertThat(published).as(name + " published").isEqualTo(Set.of("gateway", "keycloak").contains(name));
        });
        assertThat(list(service("gateway"), "ports")).containsExactly("8080:8080");
        assertThat(list(service("keycloak"), "ports")).containsExactly("8180:8080");
    }

    @Test
    void applicationsAreCheckedOnTheirManagementPort() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> service = service(module);
            assertThat(String.join(" ", list(map(service, "healthcheck"), "test"))).as(module)
                    .contains("http://localhost:" + Repository.CONTAINER_MANAGEMENT_PORT + "/q/health/ready");
            assertThat(map(service, "environment").get("QUARKUS_MANAGEMENT_PORT")).as(module)
                    .isEqualTo(String.valueOf(Repository.CONTAINER_MANAGEMENT_PORT));
        }
    }

    @Test
    void bookingServiceRunsTwoReplicas() {
        assertThat(map(service("booking-service"), "deploy").get("replicas")).isEqualTo(2);
    }

    @Test
    void theGatewaySharesItsRateLimitsOnRedis() {
        Map<String, Object> gateway = service("gateway");
        assertThat(map(gateway, "environment").get("GATEWAY_RATE_LIMIT_REDIS_URL")).isEqualTo("redis://redis:6379");
        assertThat(map(map(gateway, "depends_on"), "redis").get("condition")).isEqualTo("service_healthy");
        assertThat(String.valueOf(service("redis").get("image"))).startsWith("redis:");
    }

    @Test
    void applicationsAreConfiguredOnlyByVariablesTheyRead() {
        for (String module : Repository.APPLICATIONS) {
            for (String variable : map(service(module), "environment").keySet()) {
                assertThat(DeployedConfiguration.reads(module, variable))
                        .as("%s is given %s but does not read it", module, variable).isTrue();
            }
        }
    }

    @Test
    void everyMountedFileIsCommitted() {
        Path directory = FILE.getParent();
        services().forEach((name, definition) -> {
            Object volumes = ((Map<?, ?>) definition).get("volumes");
            if (volumes instanceof List<?> mounts) {
                mounts.stream().map(String::valueOf).filter(mount -> mount.startsWith("."))
                        .map(mount -> mount.substring(0, mount.indexOf(':')))
                        .forEach(source -> assertThat(Repository.ROOT.resolve(directory).resolve(source).normalize())
                                .as(name + " mounts " + source).exists());
            }
        });
    }

    @Test
    void prometheusLoadsTheCommittedAlertRulesAndGrafanaTheDashboard() {
        assertThat(list(service("prometheus"), "volumes"))
                .contains("../monitoring/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(list(service("grafana"), "volumes"))
                .contains("../monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }

    private Map<String, Object> services() {
        return map(compose, "services");
    }

    private Map<String, Object> service(String name) {
        return map(services(), name);
    }
}
