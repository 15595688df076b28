package ca.bim.clinic.tokencache;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens that Quarkus OIDC has verified, kept so that the same token on its holder's next calls is not verified
 * again. Verification (JWT parsing, the RSA signature, the claim checks) was 17-20% of the gateway's CPU and 9% of
 * booking-service's under load (docs/benchmarks.md), and a caller sends one token for many calls: a user for the
 * token's lifetime, a service account until its client renews it.
 * <p>
 * Why reuse is sound: what verification decides is fixed by the token's bytes and the realm's keys, except time. An
 * entry is therefore never used at or after the token's {@code exp}, and never longer than {@code max-age} after it
 * was verified, so a signing key the realm withdraws stops being honoured within that time. Only verified tokens are
 * stored, under the whole token: a token that differs in one byte is another key and is verified in full.
 * <p>
 * What is kept is the identity without the request it was verified on (an identity carries its routing context); a
 * reuse gets the current request instead. Of the identity's permission checkers, which cannot be copied without the
 * old identity, the one Quarkus OIDC adds is rebuilt: the token's {@code scope} values as permissions. Augmentors
 * (roles mapping, {@code @PermissionChecker} methods) run on every reuse as on every verification.
 */
@ApplicationScoped
@Startup // its metrics exist from the start
public class VerifiedTokens {

    /** Marks an identity rebuilt from this cache, so that it is not stored again. */
    static final String REUSED = VerifiedTokens.class.getName() + ".reused";

    private record Verified(JsonWebToken principal, Set<String> roles, Set<String> scopes, Set<Credential> credentials,
            Map<String, Object> attributes, List<String> requestKeys, long expiresAtEpochSecond) {

        boolean expired() {
            return Instant.now().getEpochSecond() >= expiresAtEpochSecond;
        }
    }

    /** Null when the cache is switched off ({@code clinic.token-cache.enabled=false}). */
    private final Cache<String, Verified> cache;

    VerifiedTokens(TokenCacheConfig settings, MeterRegistry registry) {
        if (!settings.enabled()) {
            this.cache = null;
            return;
        }
        this.cache = Caffeine.newBuilder().maximumSize(settings.maximumSize()).expireAfterWrite(settings.maxAge())
                .recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "verified-tokens");
    }

    /** Whether {@code token} was verified recently and has not expired; a look that counts neither hit nor miss. */
    boolean holds(String token) {
        if (cache == null) {
            return false;
        }
        Verified verified = cache.asMap().get(token);
        return verified != null && !verified.expired();
    }

    /** The identity {@code token} was verified as, for {@code request}; null when it was not verified recently. */
    SecurityIdentity find(String token, RoutingContext request) {
        if (cache == null || token == null) {
            return null;
        }
        Verified verified = cache.getIfPresent(token);
        if (verified == null) {
            return null;
        }
        if (verified.expired()) {
            cache.invalidate(token);
            return null;
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.principal())
                .addRoles(verified.roles())
                .addCredentials(verified.credentials())
                .addAttributes(verified.attributes())
                .addPermissionsAsString(verified.scopes())
                .addAttribute(REUSED, Boolean.TRUE);
        if (request != null) {
            verified.requestKeys().forEach(key -> identity.addAttribute(key, request));
        }
        return identity.build();
    }

    /** The token's {@code scope} claim as Quarkus OIDC turns it into permissions: one per space-separated value. */
    private static Set<String> scopes(JsonWebToken token) {
        Object scope = token.getClaim("scope");
        if (scope == null) {
            return Set.of();
        }
        String values = scope instanceof JsonString string ? string.getString() : scope.toString();
        return Arrays.stream(values.split(" ")).filter(value -> !value.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static long expiresAt(JsonWebToken token) {
        Object exp = token.getClaim(Claims.exp.name());
        if (exp instanceof JsonNumber number) {
            return number.longValue();
        }
        return exp instanceof Number number ? number.longValue() : 0;
    }

    /** Keeps an identity that Quarkus OIDC has just built from a bearer token. */
    void remember(SecurityIdentity identity) {
        if (cache == null || identity.isAnonymous() || identity.getAttribute(REUSED) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getRawToken() == null) {
            return;
        }
        long expiresAt = expiresAt(jwt);
        if (expiresAt <= 0) {
            return; // no exp claim: nothing bounds the reuse, so there is none
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        List<String> requestKeys = attributes.entrySet().stream()
                .filter(attribute -> attribute.getValue() instanceof RoutingContext)
                .map(Map.Entry::getKey)
                .toList();
        requestKeys.forEach(attributes::remove);
        cache.put(jwt.getRawToken(), new Verified(jwt, Set.copyOf(identity.getRoles()), scopes(jwt),
                Set.copyOf(identity.getCredentials()), attributes, requestKeys, expiresAt));
    }
}
