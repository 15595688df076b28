package ca.bim.clinic.tokencache;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of {@link VerifiedTokens}, e.g. {@code CLINIC_TOKEN_CACHE_MAX_AGE=30s}. */
@ConfigMapping(prefix = "clinic.token-cache")
public interface TokenCacheConfig {

    /** Off: every call's token is verified in full. */
    @WithDefault("true")
    boolean enabled();

    /** Tokens kept at most; the least recently used go first. */
    @WithDefault("10000")
    int maximumSize();

    /**
     * Longest reuse of one verification, even when the token lives longer: a signing key the realm withdraws stops
     * being honoured within this time.
     */
    @WithDefault("60s")
    Duration maxAge();
}
