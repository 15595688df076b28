package ca.bim.clinic.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keycloak (from its distribution, with the committed realm) and the packaged services, each on a free port,
 * each logging to {@code target/system-logs}. Started once for the whole suite and stopped when it ends, even
 * after failures.
 */
final class RunningSystem implements AutoCloseable {

    /** In start order: the gateway last. */
    private static final List<String> SERVICES = List.of("booking-service", "injury-service", "client-service",
            "fhir-service", "gateway");
    /** Applications without a database of their own. */
    private static final List<String> STATELESS = List.of("fhir-service", "gateway");

    /** Names of the second instances {@link #startReplicas} runs; their URLs come from {@link #url(String)}. */
    static final String BOOKING_REPLICA = "booking-service-2";
    static final String GATEWAY_A = "gateway-a";
    static final String GATEWAY_B = "gateway-b";

    /** Generous: on a loaded shared machine Keycloak has needed about four minutes (readiness is polled, not waited). */
    private static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofSeconds(420);
    private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path root = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
    private final Path keycloakHome = Path.of(System.getProperty("keycloak.home",
            root.resolve(".clinic/keycloak-26.7.3").toString()));
    private final Path logs = Path.of("target/system-logs").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "system-tests-shutdown");

    RunningSystem start() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Files.createDirectories(logs);
            for (String name : List.of("keycloak", "keycloak-management", "booking-service", "injury-service",
                    "client-service", "fhir-service", "gateway")) {
                ports.put(name, freePort());
            }
            // Each application's management interface (health, metrics) gets its own free port too.
            for (String service : SERVICES) {
                ports.put(service + "-management", freePort());
            }
            startKeycloak();
            Map<String, String> env = serviceEnvironment();
            for (String service : SERVICES) {
                startService(service, env);
            }
            awaitReady("keycloak", "http://localhost:" + ports.get("keycloak-management") + "/health/ready",
                    KEYCLOAK_READY_TIMEOUT);
            for (String service : SERVICES) {
                awaitReady(service, managementUrl(service) + "/q/health/ready", SERVICE_READY_TIMEOUT);
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String gatewayUrl() {
        return url("gateway");
    }

    String keycloakUrl() {
        return "http://localhost:" + ports.get("keycloak");
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** The service's management interface: /q/health and /q/metrics. */
    String managementUrl(String service) {
        return "http://localhost:" + ports.get(service + "-management");
    }

    private void startKeycloak() throws IOException {
        Path kcSh = keycloakHome.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("No Keycloak distribution at " + keycloakHome
                    + "; run ./clinic test (it fetches it) or pass -Dkeycloak.home=...");
        }
        Path importDir = Files.createDirectories(keycloakHome.resolve("data/import"));
        Files.copy(root.resolve("keycloak/clinic-realm.json"), importDir.resolve("clinic-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder builder = new ProcessBuilder(kcSh.toString(), "start-dev",
                "--http-port=" + ports.get("keycloak"),
                "--http-management-port=" + ports.get("keycloak-management"),
                "--health-enabled=true",
                "--hostname=" + keycloakUrl(),
                "--db=dev-mem",
                "--import-realm");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        launch("keycloak", builder);
    }

    /** The same environment variables an operator sets; each service reads the ones it knows. */
    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakUrl() + "/realms/clinic");
        env.put("CLINIC_CLIENT_SERVICE_URL", url("client-service"));
        // The test's webhook receiver listens on 127.0.0.1, which production rules refuse.
        env.put("BOOKING_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true");
        env.put("GATEWAY_UPSTREAMS_BOOKING_URL", url("booking-service"));
        env.put("GATEWAY_UPSTREAMS_INJURY_URL", url("injury-service"));
        env.put("GATEWAY_UPSTREAMS_CLIENT_URL", url("client-service"));
        env.put("GATEWAY_UPSTREAMS_BOOKING_MANAGEMENT_URL", managementUrl("booking-service"));
        env.put("GATEWAY_UPSTREAMS_INJURY_MANAGEMENT_URL", managementUrl("injury-service"));
        env.put("GATEWAY_UPSTREAMS_CLIENT_MANAGEMENT_URL", managementUrl("client-service"));
        env.put("GATEWAY_UPSTREAMS_FHIR_URL", url("fhir-service"));
        env.put("GATEWAY_UPSTREAMS_FHIR_MANAGEMENT_URL", managementUrl("fhir-service"));
        env.put("CLINIC_BOOKING_SERVICE_URL", url("booking-service"));
        env.put("FHIR_BASE_URL", url("gateway") + "/fhir/r4");
        // Dedicated databases, wiped at start, so a run never depends on the one before it.
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        // Consent changes reach booking-service's standing view quickly, so tests wait less.
        env.put("BOOKING_CLIENT_STANDING_INTERVAL", "1s");
        env.put("CLINIC_DEV_DATA", "true"); // demo practitioners and schedules (db/dev-data), as ./clinic up
        return env;
    }

    private void startService(String service, Map<String, String> env) throws IOException {
        startInstance(service, service, env);
    }

    /** Runs the packaged {@code module} as the process {@code name}, on the ports registered for that name. */
    private void startInstance(String name, String module, Map<String, String> env) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged " + module + " at " + jar + "; build it first");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(name)));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(ports.get(name + "-management")));
        if (!STATELESS.contains(module)) {
            String database = module.substring(0, module.indexOf('-')) + "_it";
            builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:5432/" + database);
        }
        launch(name, builder);
    }

    /**
     * The scaled-out shape beside the running system, started once on first use: a second booking-service on the
     * same database ({@value #BOOKING_REPLICA}) and two gateways ({@value #GATEWAY_A} routing to the first
     * booking-service, {@value #GATEWAY_B} to the second) with {@code gatewaySettings} added to their environment
     * (the shared rate-limit store). Every other upstream is the one instance of the running system. Stopped with it.
     */
    synchronized void startReplicas(Map<String, String> gatewaySettings) {
        if (processes.containsKey(BOOKING_REPLICA)) {
            throw new IllegalStateException("The replicas run already; one test class owns them");
        }
        List<String> names = List.of(BOOKING_REPLICA, GATEWAY_A, GATEWAY_B);
        try {
            for (String name : names) {
                ports.put(name, freePort());
                ports.put(name + "-management", freePort());
            }
            Map<String, String> booking = serviceEnvironment();
            // The database is the running system's, migrated and seeded already: never wipe it under the first replica.
            booking.put("QUARKUS_FLYWAY_CLEAN_AT_START", "false");
            startInstance(BOOKING_REPLICA, "booking-service", booking);
            for (String gateway : List.of(GATEWAY_A, GATEWAY_B)) {
                String upstream = gateway.equals(GATEWAY_A) ? "booking-service" : BOOKING_REPLICA;
                Map<String, String> env = serviceEnvironment();
                env.putAll(gatewaySettings);
                env.put("GATEWAY_UPSTREAMS_BOOKING_URL", url(upstream));
                env.put("GATEWAY_UPSTREAMS_BOOKING_MANAGEMENT_URL", managementUrl(upstream));
                startInstance(gateway, "gateway", env);
            }
            for (String name : names) {
                awaitReady(name, managementUrl(name) + "/q/health/ready", SERVICE_READY_TIMEOUT);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch(String name, ProcessBuilder builder) throws IOException {
        Path log = logs.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        processes.put(name, builder.start());
    }

    private void awaitReady(String name, String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(name);
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + lastLines(name));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready at " + url + " within " + timeout + ":\n"
                + lastLines(name));
    }

    private String lastLines(String name) {
        try {
            List<String> lines = Files.readAllLines(logs.resolve(name + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private synchronized void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        processes.values().forEach(process -> {
            process.descendants().forEach(all::add);
            all.add(process.toHandle());
        });
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        processes.clear();
    }
}
