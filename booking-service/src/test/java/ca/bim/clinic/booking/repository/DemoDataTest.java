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
        assertThat(count("practitioner")).isEqualTo(6);
        assertThat(count("schedule")).isEqualTo(17);
        List<String> subjects = ((List<?>) em.createNativeQuery(
                "SELECT keycloak_username || '=' || subject FROM practitioner WHERE subject IS NOT NULL ORDER BY 1")
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
