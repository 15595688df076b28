package ca.bim.clinic.booking.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/** Replaces the system clock in tests; each test sets "now" itself. */
@Singleton
public class FixedClock extends Clock {

    private volatile Instant now = Instant.parse("2026-05-01T12:00:00Z");

    public void set(Instant instant) {
        this.now = instant;
    }

    public void set(String isoInstant) {
        set(Instant.parse(isoInstant));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
