package ca.bim.clinic.booking.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.quarkus.arc.DefaultBean;

/** "Now" comes from an injected clock so tests can fix it; all instants are UTC. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
