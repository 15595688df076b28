package ca.bim.clinic.observability;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns span export on only where an operator has configured an OTLP endpoint, so that a deployment without a
 * collector neither exports nor logs failed exports. Trace ids are created and propagated either way. Its low
 * ordinal lets an explicit {@code QUARKUS_OTEL_TRACES_SAMPLER_ARG} win.
 */
public class TraceExportConfigSource implements ConfigSource {

    static final String SAMPLE_RATIO = "quarkus.otel.traces.sampler.arg";

    private static final String[] ENDPOINT_VARIABLES = {
            "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT" };
    private static final String[] ENDPOINT_PROPERTIES = {
            "quarkus.otel.exporter.otlp.traces.endpoint", "quarkus.otel.exporter.otlp.endpoint" };

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SAMPLE_RATIO);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SAMPLE_RATIO, ratio());
    }

    @Override
    public String getValue(String propertyName) {
        return SAMPLE_RATIO.equals(propertyName) ? ratio() : null;
    }

    @Override
    public String getName() {
        return "clinic-trace-export";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    private static String ratio() {
        return endpointConfigured() ? "1.0" : "0.0";
    }

    static boolean endpointConfigured() {
        for (String variable : ENDPOINT_VARIABLES) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        for (String property : ENDPOINT_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
