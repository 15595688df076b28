package ca.bim.clinic.booking.webhooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Partner webhook settings (BOOKING_WEBHOOKS_* environment variables). */
@ConfigMapping(prefix = "booking.webhooks")
public interface WebhooksConfig {

    /**
     * Also accept plain-http URLs whose host is a loopback address (development and tests only; production accepts
     * https to public addresses and nothing else).
     */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Subscriptions one owner may hold (each costs a delivery per event). */
    @WithDefault("10")
    int maxPerOwner();

    /** How long the previous secret still signs deliveries after a rotation, so receivers can switch over. */
    @WithDefault("PT24H")
    java.time.Duration rotationOverlap();

    /** Failed attempts in a row after which a subscription is paused until its owner resumes it. */
    @WithDefault("15")
    int pauseAfterFailures();
}
