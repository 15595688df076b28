package ca.bim.clinic.booking.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.events.service.DeliveryStore;
import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The native queries that return one column are planned once, not once per call: a plan per call filled Hibernate's
 * query-plan cache with copies, pushed the HQL plans out and made every lookup slow (see {@code ScalarQuery}).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class QueryPlanCacheTest {

    private static final int ROUNDS = 10;

    @Inject EntityManagerFactory factory;
    @Inject AppointmentRepository appointments;
    @Inject HoldRepository holds;
    @Inject WaitlistRepository waitlist;
    @Inject ClientStandingRepository standings;
    @Inject DeliveryStore deliveries;

    @Test
    void repeatingTheScalarQueriesAddsNoPlans() {
        runEachScalarQuery();
        int before = cachedPlans();

        for (int i = 0; i < ROUNDS; i++) {
            runEachScalarQuery();
        }

        // Nine queries a round: with a plan per call the cache grows by 90. A background job that runs its first
        // query meanwhile may add a plan or two, hence not an exact equality.
        assertThat(cachedPlans() - before).isLessThan(ROUNDS);
    }

    /** Each repository method that reads one column, with the Java type it promises. */
    private void runEachScalarQuery() {
        Instant now = Instant.now();
        UUID nobody = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(appointments.overlapsAnother(nobody, now, now.plusSeconds(3600), nobody, now)).isFalse();
            assertThat(holds.findDetailedForUpdate(nobody)).isEmpty();
            assertThat(holds.expireDue(now.minus(Duration.ofDays(3650)), 1)).isEmpty();
            assertThat(waitlist.lockWaiting(nobody, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2), now, 1))
                    .isEmpty();
            assertThat(waitlist.wasOffered(nobody, nobody, now, now.plusSeconds(60))).isFalse();
            assertThat(waitlist.liveOffer(nobody, now)).isEmpty();
            assertThat(standings.cursor()).isNotNull();
            assertThat(standings.lockCursorAt("no such position")).isFalse();
        });
        assertThat(deliveries.lag(now)).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    private int cachedPlans() {
        return factory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
