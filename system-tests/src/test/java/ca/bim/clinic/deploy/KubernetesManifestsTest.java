package ca.bim.clinic.deploy;

import static ca.bim.clinic.deploy.ComposeFileTest.list;
import static ca.bim.clinic.deploy.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The kustomize manifests parse, and every probe, port, reference and variable matches the application it runs. */
class KubernetesManifestsTest {

    private static final Path DIRECTORY = Path.of("deploy/kubernetes");
    /** Created outside these manifests: database credentials and the services' Keycloak client secrets. */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("clinic-booking-db", "clinic-injury-db", "clinic-client-db",
            "clinic-booking-service-client", "clinic-fhir-service-client");
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    private final List<Map<String, Object>> resources = resources();

    @Test
    void kustomizationListsAManifestForEveryApplication() {
        List<String> files = list(Repository.yaml(DIRECTORY.resolve("kustomization.yaml")), "resources");
        List<String> expected = new ArrayList<>(Repository.APPLICATIONS.stream().map(module -> module + ".yaml").toList());
        expected.addAll(List.of("redis.yaml", "../monitoring"));
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyApplicationHasADeploymentServiceConfigMapAndAutoscaler() {
        for (String module : Repository.APPLICATIONS) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler")) {
                assertThat(named(kind, module)).as(kind + " " + module).isNotNull();
            }
            assertThat(named("ConfigMap", module + "-config")).as("ConfigMap of " + module).isNotNull();
        }
    }

    @Test
    void probesUseHealthEndpointsTheApplicationServes() {
        for (String module : Repository.APPLICATIONS) {
            assertThat(Repository.pom(module)).as(module).contains("<artifactId>quarkus-smallrye-health</artifactId>");
            Map<String, Object> container = container(module);
            assertThat(probePath(container, "readinessProbe")).as(module).isEqualTo("/q/health/ready");
            assertThat(probePath(container, "livenessProbe")).as(module).isEqualTo("/q/health/live");
            assertThat(HEALTH_PATHS).contains(probePath(container, "startupProbe"));
        }
    }

    @Test
    void probesAndScrapingUseTheManagementPort() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> container = container(module);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                assertThat(map(map(container, probe), "httpGet").get("port")).as(module + " " + probe)
                        .isEqualTo("management");
            }
            assertThat(listOf(container, "ports")).as(module).anySatisfy(p -> {
                assertThat(((Map<?, ?>) p).get("name")).isEqualTo("management");
                assertThat(((Map<?, ?>) p).get("containerPort")).isEqualTo(Repository.CONTAINER_MANAGEMENT_PORT);
            });
            assertThat(map(named("ConfigMap", module + "-config"), "data").get("QUARKUS_MANAGEMENT_PORT")).as(module)
                    .isEqualTo(String.valueOf(Repository.CONTAINER_MANAGEMENT_PORT));
            Map<String, Object> annotations = map(map(map(map(named("Deployment", module), "spec"), "template"),
                    "metadata"), "annotations");
            assertThat(annotations.get("prometheus.io/port")).as(module)
                    .isEqualTo(String.valueOf(Repository.CONTAINER_MANAGEMENT_PORT));
        }
        // The gateway's own Service carries only the public port, so an Ingress cannot expose its metrics.
        List<Object> gatewayPorts = listOf(map(named("Service", "gateway"), "spec"), "ports");
        assertThat(gatewayPorts).noneSatisfy(p -> assertThat(((Map<?, ?>) p).get("name")).isEqualTo("management"));
    }

    @Test
    void containerAndServicePortsAreTheApplicationPort() {
        for (String module : Repository.APPLICATIONS) {
            int port = Repository.httpPort(module);
            List<Object> containerPorts = listOf(container(module), "ports");
            assertThat(containerPorts).as(module).anySatisfy(p -> assertThat(((Map<?, ?>) p).get("containerPort")).isEqualTo(port));
            List<Object> servicePorts = listOf(map(named("Service", module), "spec"), "ports");
            assertThat(servicePorts).as(module).anySatisfy(p -> assertThat(((Map<?, ?>) p).get("port")).isEqualTo(port));
        }
    }

    @Test
    void containersHaveResourcesAndRunAsNonRoot() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> resourcesOf = map(container(module), "resources");
            assertThat(map(resourcesOf, "requests")).as(module).containsKeys("cpu", "memory");
            assertThat(map(resourcesOf, "limits")).as(module).containsKey("memory");
            assertThat(map(podSpec(module), "securityContext").get("runAsNonRoot")).as(module).isEqualTo(true);
        }
    }

    @Test
    void jvmsAreSizedFromTheirContainersMemoryLimit() {
        for (String module : Repository.APPLICATIONS) {
            String options = String.valueOf(map(named("ConfigMap", module + "-config"), "data").get("JAVA_OPTS_APPEND"));
            JvmSettingsTest.assertContainerAware(module, options);
            String limit = String.valueOf(map(map(container(module), "resources"), "limits").get("memory"));
            assertThat(limit).as(module).matches("\\d+Mi");
            JvmSettingsTest.assertFitsTheLimit(module, options, Long.parseLong(limit.replace("Mi", "")));
            // The manifest replaces the image's JAVA_OPTS_APPEND: it keeps the image's system properties.
            String image = JvmSettingsTest.value(Repository.read(Repository.dockerfile(module)),
                    "ENV JAVA_OPTS_APPEND=\"([^\"]*)\"", module);
            for (String property : image.split(" ")) {
                if (property.startsWith("-D")) {
                    assertThat(options).as(module).contains(property);
                }
            }
        }
    }

    @Test
    void referencesPointAtConfigMapsHereOrSecretsOfTheDatabaseOperator() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> container = container(module);
            for (Object source : listOf(container, "envFrom")) {
                String configMap = String.valueOf(((Map<?, ?>) ((Map<?, ?>) source).get("configMapRef")).get("name"));
                assertThat(named("ConfigMap", configMap)).as(module + " configMapRef " + configMap).isNotNull();
            }
            if (container.get("env") instanceof List<?> env) {
                for (Object variable : env) {
                    Map<?, ?> valueFrom = (Map<?, ?>) ((Map<?, ?>) variable).get("valueFrom");
                    Map<?, ?> secretRef = (Map<?, ?>) valueFrom.get("secretKeyRef");
                    assertThat(EXTERNAL_SECRETS).as(module).contains(String.valueOf(secretRef.get("name")));
                }
            }
        }
    }

    @Test
    void applicationsAreConfiguredOnlyByVariablesTheyRead() {
        for (String module : Repository.APPLICATIONS) {
            List<String> variables = new ArrayList<>(map(named("ConfigMap", module + "-config"), "data").keySet());
            if (container(module).get("env") instanceof List<?> env) {
                env.forEach(variable -> variables.add(String.valueOf(((Map<?, ?>) variable).get("name"))));
            }
            for (String variable : variables) {
                assertThat(DeployedConfiguration.reads(module, variable))
                        .as("%s is given %s but does not read it", module, variable).isTrue();
            }
        }
    }

    @Test
    void gatewayAndBookingServiceNeverRunFewerThanTwoReplicas() {
        for (String module : List.of("gateway", "booking-service")) {
            assertThat((Integer) map(named("Deployment", module), "spec").get("replicas")).as(module)
                    .isGreaterThanOrEqualTo(2);
            assertThat((Integer) map(named("HorizontalPodAutoscaler", module), "spec").get("minReplicas")).as(module)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everyApplicationHasADisruptionBudgetSelectingItsPods() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> spec = map(named("PodDisruptionBudget", module), "spec");
            assertThat(map(map(spec, "selector"), "matchLabels")).as(module)
                    .isEqualTo(map(map(map(named("Deployment", module), "spec"), "selector"), "matchLabels"));
            assertThat(spec).as(module).containsAnyOf(Map.entry("minAvailable", 1), Map.entry("maxUnavailable", 1));
        }
    }

    @Test
    void theGatewaySharesItsRateLimitsOnTheRedisDefinedHere() {
        Map<String, Object> config = map(named("ConfigMap", "gateway-config"), "data");
        assertThat(config.get("GATEWAY_RATE_LIMIT_REDIS_URL")).isEqualTo("redis://redis:6379");
        List<Object> redis = Repository.yamlDocuments(DIRECTORY.resolve("redis.yaml"));
        assertThat(redis).anySatisfy(document -> {
            Map<?, ?> resource = (Map<?, ?>) document;
            assertThat(resource.get("kind")).isEqualTo("Service");
            assertThat(((Map<?, ?>) resource.get("metadata")).get("name")).isEqualTo("redis");
        });
    }

    @Test
    void theDashboardAndAlertRulesShipAsConfigMaps() {
        Map<String, Object> monitoring = Repository.yaml(Path.of("deploy/monitoring/kustomization.yaml"));
        List<Object> generators = listOf(monitoring, "configMapGenerator");
        assertThat(generators).anySatisfy(generator -> {
            Map<?, ?> g = (Map<?, ?>) generator;
            assertThat(g.get("name")).isEqualTo("clinic-grafana-dashboard");
            assertThat(g.get("files")).isEqualTo(List.of("grafana/dashboards/clinic-overview.json"));
            assertThat(((Map<?, ?>) ((Map<?, ?>) g.get("options")).get("labels")).get("grafana_dashboard")).isEqualTo("1");
        });
        assertThat(generators).anySatisfy(generator -> assertThat(((Map<?, ?>) generator).get("files"))
                .isEqualTo(List.of("prometheus/alerts.yml")));
        assertThat(Repository.ROOT.resolve("deploy/monitoring/grafana/dashboards/clinic-overview.json")).exists();
    }

    @Test
    void autoscalersTargetTheirDeployment() {
        for (String module : Repository.APPLICATIONS) {
            Map<String, Object> target = map(map(named("HorizontalPodAutoscaler", module), "spec"), "scaleTargetRef");
            assertThat(target.get("kind")).isEqualTo("Deployment");
            assertThat(named("Deployment", String.valueOf(target.get("name")))).isNotNull();
        }
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return String.valueOf(map(map(container, probe), "httpGet").get("path"));
    }

    private Map<String, Object> podSpec(String module) {
        return map(map(map(named("Deployment", module), "spec"), "template"), "spec");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> container(String module) {
        List<Object> containers = listOf(podSpec(module), "containers");
        assertThat(containers).hasSize(1);
        return (Map<String, Object>) containers.get(0);
    }

    private Map<String, Object> named(String kind, String name) {
        return resources.stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .filter(resource -> name.equals(map(resource, "metadata").get("name")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(List.class);
        return (List<Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources() {
        return Repository.APPLICATIONS.stream()
                .flatMap(module -> Repository.yamlDocuments(DIRECTORY.resolve(module + ".yaml")).stream())
                .map(document -> (Map<String, Object>) document)
                .collect(Collectors.toList());
    }
}
