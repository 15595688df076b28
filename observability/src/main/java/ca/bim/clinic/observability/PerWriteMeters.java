package ca.bim.clinic.observability;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Drops the Vert.x binder's byte-count summaries ({@code http.server.bytes.written}, {@code http.client.bytes.read}
 * and the like). They are recorded on every socket write and read, each with an exemplar lookup, so a large answer
 * relayed by the gateway in 8 KiB chunks recorded two dozen samples: 3-5% of the gateway's CPU samples (JFR,
 * docs/benchmarks.md 2026-12-01). No dashboard or alert reads them; request counts and latencies stay.
 */
@Dependent
public class PerWriteMeters {

    @Produces
    @Singleton
    MeterFilter dropByteCounts() {
        return MeterFilter.deny(id -> id.getName().endsWith(".bytes.written") || id.getName().endsWith(".bytes.read"));
    }
}
