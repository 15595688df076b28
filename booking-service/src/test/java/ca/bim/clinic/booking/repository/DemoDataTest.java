package ca.bim.clinic.booking.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The test profile (like dev and {@code ./clinic up}) applies db/dev-data on top of the production migrations. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class DemoDataTest {

    @Inject
    EntityManager em;

    @Test
    void devDataLocationAddsTheDemoPractitionersWithSchedulesAndSubjects() {
        // Counted by the demo ids: other test classes add practitioners of their own to the same database.
        assertThat(count("practitioner WHERE CAST(id AS text) LIKE '7a0d9a52-2c51-4c1e-9d4e-%'")).isEqualTo(6);
        assertThat(count("schedule WHERE CAST(id AS text) LIKE '9c4e6f20-1b3d-4e5f-8a7b-%'")).isEqualTo(17);
        List<String> subjects = ((List<?>) em.createNativeQuery("SELECT keycloak_username || '=' || subject"
                + " FROM practitioner WHERE CAST(id AS text) LIKE '7a0d9a52-2c51-4c1e-9d4e-%' AND subject IS NOT NULL"
                + " ORDER BY 1")
                .getResultList()).stream().map(String::valueOf).toList();
        assertThat(subjects).containsExactly(
                "aubrey=c1a1ce00-0000-4000-8000-000000000004",
                "lawrence=c1a1ce00-0000-4000-8000-000000000003");
        assertThat(count("flyway_dev_data_history WHERE success")).isPositive();
    }

    private long count(String from) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM " + from).getSingleResult()).longValue();
    }
}
