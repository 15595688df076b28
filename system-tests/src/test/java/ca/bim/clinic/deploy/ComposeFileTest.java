package ca.bim.clinic.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where these tests run, so the compose file is checked statically: the services, their
 * health checks and start order, what is published, and that every variable given to an application is one it
 * reads.
 */
class ComposeFileTest {

    private final Map<String, Object> compose = Repository.yaml(Path.of("docker-compose.yml"));

    @Test
    void definesTheDatabaseKeycloakTheThreeServicesAndTheGateway() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("postgres", "keycloak", "booking-service",
                "injury-service", "client-service", "fhir-service", "gateway", "prometheus", "grafana");
        assertThat(list(service("prometheus"), "profiles")).containsExactly("monitoring");
        assertThat(list(service("grafana"), "profiles")).containsExactly("monitoring");
    }

    @Test
    void everyServiceHasAHealthCheckAndAMemoryLimit() {
        services().keySet().forEach(name -> {
            Map<String, Object> service = service(name);
            assertThat(map(service, "healthcheck")).as(name + " healthcheck").containsKey("test");
            assertThat(map(map(map(service, "deploy"), "resources"), "limits")).as(name + " memory limit")
                    .containsKey("memory");
        });
    }

    @Test
    void applicationsProbeTheirReadinessOnTheManagementPort() {
        for (String module : Repository.APPLICATIONS) {
            assertThat(Repository.managementPort(module)).as(module + " quarkus.management.port").isPositive();
            String test = String.join(" ", list(map(service(module), "healthcheck"), "test"));
            assertThat(test).as(module)
                    .contains("http://localhost:" + Repository.CONTAINER_MANAGEMENT_PORT + "/q/health/ready");
            assertThat(map(service(module), "environment").get("QUARKUS_MANAGEMENT_PORT")).as(module)
                    .isEqualTo(String.valueOf(Repository.CONTAINER_MANAGEMENT_PORT));
        }
    }

    @Test
    void theGatewayAsksEachUpstreamsManagementPortForReadiness() {
        Map<String, Object> environment = map(service("gateway"), "environment");
        for (String upstream : List.of("booking", "injury", "client")) {
            assertThat(environment.get("GATEWAY_UPSTREAMS_" + upstream.toUpperCase() + "_MANAGEMENT_URL"))
                    .isEqualTo("http://" + upstream + "-service:" + Repository.CONTAINER_MANAGEMENT_PORT);
        }
    }

    @Test
    void servicesStartOnlyAfterWhatTheyNeedIsHealthy() {
        for (String module : List.of("booking-service", "injury-service", "client-service")) {
            assertThat(healthyDependencies(module)).as(module).containsExactlyInAnyOrder("postgres", "keycloak");
        }
        assertThat(healthyDependencies("fhir-service")).containsExactlyInAnyOrder("keycloak", "booking-service",
                "client-service");
        assertThat(healthyDependencies("gateway")).containsExactlyInAnyOrder("booking-service", "injury-service",
                "client-service", "fhir-service");
    }

    @Test
    void onlyTheGatewayAndKeycloakArePublished() {
        services().keySet().forEach(name -> {
            Map<String, Object> service = service(name);
            if (Set.of("gateway", "keycloak").contains(name)) {
                assertThat(service).as(name).containsKey("ports");
            } else if (name.equals("grafana")) {
                // The monitoring profile shows the dashboard to the developer's own browser only.
                assertThat(list(service, "ports")).containsExactly("127.0.0.1:3000:3000");
            } else {
                assertThat(service).as(name).doesNotContainKey("ports");
            }
        });
        assertThat(list(service("gateway"), "ports")).containsExactly("8080:8080");
        assertThat(list(service("keycloak"), "ports")).containsExactly("8180:8080");
    }

    @Test
    void postgresKeepsItsDataInANamedVolumeAndCreatesOneDatabasePerService() {
        assertThat(map(compose, "volumes")).containsKey("pgdata");
        assertThat(list(service("postgres"), "volumes")).anyMatch(volume -> volume.startsWith("pgdata:"));
        String init = Repository.read(Path.of("deploy/postgres/init-databases.sh"));
        assertThat(init).contains("CREATE DATABASE booking", "CREATE DATABASE injury", "CREATE DATABASE client");
    }

    @Test
    void keycloakIsThePinnedVersionWithTheCommittedRealmAndHealth() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(keycloak.get("image")).isEqualTo("quay.io/keycloak/keycloak:26.7.3");
        assertThat(list(keycloak, "command")).contains("--import-realm", "--health-enabled=true");
        assertThat(list(keycloak, "volumes"))
                .contains("./keycloak/clinic-realm.json:/opt/keycloak/data/import/clinic-realm.json:ro");
        assertThat(Files.exists(Repository.ROOT.resolve("keycloak/clinic-realm.json"))).isTrue();
    }

    @Test
    void applicationsAreBuiltFromTheirOwnDockerfile() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> build = map(service(module), "build");
            Path dockerfile = Path.of(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")));
            assertThat(Repository.ROOT.resolve(dockerfile).normalize()).as(module).exists();
            String content = Repository.read(dockerfile);
            assertThat(content).as(module).contains("target/quarkus-app", "USER 185",
                    "EXPOSE " + Repository.httpPort(module) + " " + Repository.CONTAINER_MANAGEMENT_PORT,
                    "QUARKUS_MANAGEMENT_PORT=" + Repository.CONTAINER_MANAGEMENT_PORT,
                    "localhost:" + Repository.CONTAINER_MANAGEMENT_PORT + "/q/health/ready");
        }
    }

    @Test
    void theMonitoringProfileUsesTheCommittedPrometheusAndGrafanaFiles() {
        assertThat(list(service("prometheus"), "volumes")).contains(
                "./deploy/monitoring/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/monitoring/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(list(service("grafana"), "volumes")).contains(
                "./deploy/monitoring/grafana/provisioning:/etc/grafana/provisioning:ro",
                "./deploy/monitoring/grafana/dashboards:/var/lib/grafana/dashboards:ro");
    }

    @Test
    void applicationsAreConfiguredOnlyByVariablesTheyRead() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> environment = map(service(module), "environment");
            assertThat(environment).as(module).isNotEmpty();
            for (String variable : environment.keySet()) {
                assertThat(DeployedConfiguration.reads(module, variable))
                        .as("%s is given %s but does not read it", module, variable).isTrue();
            }
        }
    }

    @Test
    void servicesAreGivenTheirDatabaseAndTheRealm() {
        for (String module : List.of("booking-service", "injury-service", "client-service")) {
            Map<String, Object> environment = map(service(module), "environment");
            String database = module.substring(0, module.indexOf('-'));
            assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL")).as(module)
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + database);
            assertThat(environment).as(module).containsKeys("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "QUARKUS_OIDC_AUTH_SERVER_URL");
        }
    }

    private List<String> healthyDependencies(String name) {
        Map<String, Object> dependsOn = map(service(name), "depends_on");
        dependsOn.forEach((dependency, condition) -> assertThat(map(dependsOn, dependency).get("condition"))
                .as(name + " waits for " + dependency).isEqualTo("service_healthy"));
        return List.copyOf(dependsOn.keySet());
    }

    private Map<String, Object> services() {
        return map(compose, "services");
    }

    private Map<String, Object> service(String name) {
        return map(services(), name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    static List<String> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
