package ca.bim.clinic.tokencache;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

class VerifiedTokensTest {

    private final VerifiedTokens tokens = new VerifiedTokens(settings(true), new SimpleMeterRegistry());

    @Test
    void reuseIsTheVerifiedIdentityForTheCurrentRequest() {
        RoutingContext verifiedOn = request();
        tokens.remember(verified("token-1", Instant.now().plusSeconds(300), "openid email", verifiedOn));

        RoutingContext current = request();
        SecurityIdentity reused = tokens.find("token-1", current);

        assertThat(reused).isNotNull();
        assertThat(reused.getPrincipal().getName()).isEqualTo("sub-alice");
        assertThat(reused.getRoles()).containsExactly("client");
        assertThat(reused.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("token-1");
        assertThat((String) reused.getAttribute("tenant-id")).isEqualTo("Default");
        assertThat((Object) reused.getAttribute("routing-context")).isSameAs(current);
        assertThat(reused.checkPermissionBlocking(new StringPermission("email"))).isTrue();
        assertThat(reused.checkPermissionBlocking(new StringPermission("admin"))).isFalse();
    }

    @Test
    void onlyTheSameTokenIsReused() {
        tokens.remember(verified("token-1", Instant.now().plusSeconds(300), null, request()));
        assertThat(tokens.find("token-2", request())).isNull();
        assertThat(tokens.find("token-1x", request())).isNull();
    }

    @Test
    void expiredTokenIsNeverReused() {
        tokens.remember(verified("token-1", Instant.now().minusSeconds(1), null, request()));
        assertThat(tokens.find("token-1", request())).isNull();
    }

    @Test
    void reusedOrAnonymousIdentitiesAreNotStored() {
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember(verified("token-1", Instant.now().plusSeconds(300), null, request()));
        SecurityIdentity reused = tokens.find("token-1", request());
        tokens.remember(reused);
        assertThat(tokens.find("token-1", request())).isNotNull();
    }

    @Test
    void switchedOffItReusesNothing() {
        VerifiedTokens off = new VerifiedTokens(settings(false), new SimpleMeterRegistry());
        off.remember(verified("token-1", Instant.now().plusSeconds(300), null, request()));
        assertThat(off.find("token-1", request())).isNull();
    }

    static SecurityIdentity verified(String raw, Instant expiresAt, String scope, RoutingContext request) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Token(raw, expiresAt.getEpochSecond(), scope))
                .addRole("client")
                .addCredential(new AccessTokenCredential(raw))
                .addAttribute("tenant-id", "Default")
                .addAttribute("routing-context", request)
                .build();
    }

    static RoutingContext request() {
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static TokenCacheConfig settings(boolean enabled) {
        return new TokenCacheConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maximumSize() {
                return 100;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofMinutes(1);
            }
        };
    }

    /** The claims Quarkus OIDC's principal answers with. */
    private record Token(String raw, long exp, String scope) implements JsonWebToken {

        @Override
        public String getName() {
            return "sub-alice";
        }

        @Override
        public Set<String> getClaimNames() {
            return Map.of("raw_token", raw, "exp", exp).keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) switch (claimName) {
                case "raw_token" -> raw;
                case "exp" -> Long.valueOf(exp);
                case "scope" -> scope;
                default -> null;
            };
        }
    }
}
