package ca.bim.clinic.booking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.common.runtime.util.SchedulerUtils;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The hold jobs name their period without an inline fallback: the scheduler resolves it (with the same utility it
 * uses at start) to the default of {@link ca.bim.clinic.booking.config.HoldsConfig}, the only place it is written.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class SchedulePeriodsTest {

    @Test
    void holdRetentionRunsEveryTenMinutesByDefault() throws NoSuchMethodException {
        assertThat(everyMillis(HoldRetention.class, "scheduled")).isEqualTo(Duration.ofMinutes(10).toMillis());
    }

    @Test
    void holdSweepRunsEveryThirtySecondsByDefault() throws NoSuchMethodException {
        assertThat(everyMillis(WaitlistService.class, "scheduledSweep")).isEqualTo(Duration.ofSeconds(30).toMillis());
    }

    private static long everyMillis(Class<?> job, String method) throws NoSuchMethodException {
        Scheduled scheduled = job.getDeclaredMethod(method).getAnnotation(Scheduled.class);
        return SchedulerUtils.parseEveryAsMillis(scheduled).orElseThrow();
    }
}
