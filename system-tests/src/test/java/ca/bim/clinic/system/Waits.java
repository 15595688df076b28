package ca.bim.clinic.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling for what the system does in the background (event delivery, connections), instead of sleeping. */
final class Waits {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + TIMEOUT + " waiting until " + what);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
