package ca.bim.clinic.common.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * Every service's notion of "now": the system clock in UTC. Code injects {@link Clock} instead of calling
 * {@code Instant.now()} so that a test can fix time by declaring its own {@code Clock} bean, which replaces this
 * default one.
 */
@ApplicationScoped
public class ClockProducer {

    // Singleton: the system clock has no state, so a client proxy would only add a hop.
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
