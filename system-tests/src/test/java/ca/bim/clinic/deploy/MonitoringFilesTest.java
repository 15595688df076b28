package ca.bim.clinic.deploy;

import static ca.bim.clinic.deploy.ComposeFileTest.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The alert rules and the dashboard ask only for metrics the applications publish. */
class MonitoringFilesTest {

    private static final Path ALERTS = Path.of("deploy/monitoring/prometheus/alerts.yml");
    private static final Path DASHBOARD = Path.of("deploy/monitoring/grafana/dashboards/clinic-overview.json");
    /** Published by Quarkus' Micrometer binders in every part. */
    private static final Set<String> BUILT_IN = Set.of("http_server_requests_seconds", "jvm_memory_used_bytes",
            "jvm_gc_pause_seconds");
    private static final Pattern METRIC = Pattern.compile("\\b((?:booking|gateway|client|injury|http|jvm)_[a-z0-9_]+)");
    private static final Pattern METER_IN_CODE = Pattern.compile(
            "(?:Gauge|Counter|Timer)\\.builder\\(\\s*\"([a-z0-9_.]+)\"|registry\\.(?:counter|timer)\\(\\s*\"([a-z0-9_.]+)\"");

    @Test
    void alertsCoverWhatOperatorsMustKnow() {
        List<String> names = rules().stream().map(rule -> String.valueOf(rule.get("alert"))).toList();
        assertThat(names).contains("OutboxLagging", "ServerErrorRateHigh", "WebhookPaused", "UpstreamCircuitOpen",
                "DeadLettersWaiting");
        rules().forEach(rule -> assertThat(map(rule, "annotations")).as(String.valueOf(rule.get("alert")))
                .containsKey("summary"));
    }

    @Test
    void alertExpressionsUseMetricsThatExist() {
        Set<String> published = publishedMetrics();
        for (Map<String, Object> rule : rules()) {
            for (String metric : metrics(String.valueOf(rule.get("expr")))) {
                assertThat(published).as("alert %s uses %s", rule.get("alert"), metric).contains(metric);
            }
        }
    }

    @Test
    void dashboardQueriesUseMetricsThatExist() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Repository.read(DASHBOARD));
        Set<String> published = publishedMetrics();
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        assertThat(expressions).hasSizeGreaterThan(10);
        for (String expression : expressions) {
            for (String metric : metrics(expression)) {
                assertThat(published).as("dashboard query %s uses %s", expression, metric).contains(metric);
            }
        }
        assertThat(dashboard.path("uid").asText()).isEqualTo("clinic-overview");
    }

    @Test
    void dashboardShowsWhatOperatorsWatch() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Repository.read(DASHBOARD));
        Set<String> shown = new HashSet<>();
        dashboard.findValues("expr").forEach(expr -> shown.addAll(metrics(expr.asText())));
        // Traffic and latency, bookings, outbox lag and dead letters, rate limits, circuit breakers, JVM.
        assertThat(shown).contains("http_server_requests_seconds", "booking_requests", "booking_outbox_lag_seconds",
                "booking_outbox_dead_letters", "booking_webhooks_paused", "gateway_rate_limit_rejections",
                "gateway_upstream_circuit_breaker_open", "jvm_memory_used_bytes", "jvm_gc_pause_seconds");
    }

    /** Metric base names in an expression, without the _bucket/_count/_sum/_total series suffixes. */
    private static Set<String> metrics(String expression) {
        Set<String> names = new HashSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1).replaceAll("_(bucket|count|sum|total)$", ""));
        }
        return names;
    }

    /** Built-in series plus each meter the code registers, in Prometheus naming (with and without _seconds). */
    private static Set<String> publishedMetrics() {
        Set<String> names = new HashSet<>(BUILT_IN);
        for (String module : Repository.APPLICATIONS) {
            try (Stream<Path> files = Files.walk(Repository.ROOT.resolve(module + "/src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                    Matcher matcher = METER_IN_CODE.matcher(Repository.read(Repository.ROOT.relativize(file)));
                    while (matcher.find()) {
                        String name = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).replace('.', '_');
                        names.add(name);
                        names.add(name + "_seconds");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<Object>) Repository.yaml(ALERTS).get("groups")) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                rules.add((Map<String, Object>) rule);
            }
        }
        return rules;
    }
}
