package ca.bim.clinic.observability;

import java.time.Duration;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Histogram buckets for request timers, so dashboards and alerts can compute p95 per route across replicas
 * ({@code histogram_quantile} over {@code *_seconds_bucket}); per-instance percentiles could not be aggregated.
 * Buckets span 5 ms to 30 s to keep the series count small.
 */
@Dependent
public class LatencyHistograms {

    @Produces
    @Singleton
    MeterFilter requestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() == Meter.Type.TIMER && (id.getName().equals("http.server.requests")
                        || id.getName().equals("gateway.upstream.requests"))) {
                    return DistributionStatisticConfig.builder()
                            .percentilesHistogram(true)
                            .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                            .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                            .build()
                            .merge(config);
                }
                return config;
            }
        };
    }
}
