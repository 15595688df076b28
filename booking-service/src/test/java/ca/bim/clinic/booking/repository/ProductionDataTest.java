package ca.bim.clinic.booking.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Production start against an empty database (the test profile cleans it first): the demo-data switch takes the
 * value the prod profile resolves from application.properties, so only the production migrations run.
 */
@QuarkusTest
@TestProfile(ProductionDataTest.ProductionSwitch.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class ProductionDataTest {

    @Inject
    EntityManager em;

    @Test
    void prodProfileTurnsDemoDataOff() {
        assertThat(prodValue("clinic.dev-data")).contains("false");
        // Unset means Quarkus' default, db/migration alone.
        assertThat(prodValue("quarkus.flyway.locations").orElse("db/migration")).isEqualTo("db/migration");
    }

    @Test
    void productionMigrationsCreateNoPractitionerOrScheduleButTheLocationsAndTypes() {
        assertThat(count("practitioner")).isZero();
        assertThat(count("schedule")).isZero();
        assertThat(count("time_off")).isZero();
        assertThat(count("appointment")).isZero();
        assertThat(count("location")).isEqualTo(2);
        assertThat(count("appointment_type")).isEqualTo(7);
        assertThat(count("information_schema.tables WHERE table_name = 'flyway_dev_data_history'")).isZero();
    }

    private long count(String from) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + from).getSingleResult()).longValue();
    }

    /** Resolves a key as the prod profile sees it in application.properties. */
    static Optional<String> prodValue(String key) {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withSources(new PropertiesConfigSource(
                            ProductionDataTest.class.getClassLoader().getResource("application.properties"), 250))
                    .build();
            return config.getOptionalValue(key, String.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class ProductionSwitch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.dev-data", prodValue("clinic.dev-data").orElseThrow());
        }
    }
}
