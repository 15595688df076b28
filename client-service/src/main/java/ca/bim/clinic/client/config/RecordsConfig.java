package ca.bim.clinic.client.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "clinic.records")
public interface RecordsConfig {

    /**
     * How long a therapist stays in a client's care after the last booked, checked-in, completed or no-show visit
     * with them (an ISO-8601 period, e.g. {@code P12M} or {@code P18M}).
     */
    @WithDefault("P12M")
    Period careAfterLastVisit();
}
