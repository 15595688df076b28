package ca.bim.clinic.tokencache;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

class ReusedTokenMechanismTest {

    private final VerifiedTokens tokens = new VerifiedTokens(VerifiedTokensTest.settings(true), new SimpleMeterRegistry());
    private final ReusedTokenMechanism mechanism = new ReusedTokenMechanism();
    private final List<String> asked = new ArrayList<>();

    ReusedTokenMechanismTest() {
        mechanism.tokens = tokens;
    }

    @Test
    void aTokenVerifiedRecentlyGoesStraightToTheIdentityProviders() {
        tokens.remember(VerifiedTokensTest.verified("token-1", Instant.now().plusSeconds(300), null,
                VerifiedTokensTest.request()));

        SecurityIdentity identity = authenticate("Bearer token-1", providersAnsweringFromTheCache());

        assertThat(asked).containsExactly("token-1");
        assertThat(identity).isNotNull();
        assertThat(identity.getPrincipal().getName()).isEqualTo("sub-alice");
        assertThat(authenticate("bearer   token-1 ", providersAnsweringFromTheCache())).isNotNull();
    }

    @Test
    void anyOtherRequestIsLeftToQuarkusOidc() {
        tokens.remember(VerifiedTokensTest.verified("token-1", Instant.now().plusSeconds(300), null,
                VerifiedTokensTest.request()));
        tokens.remember(VerifiedTokensTest.verified("token-old", Instant.now().minusSeconds(1), null,
                VerifiedTokensTest.request()));

        assertThat(authenticate(null, providersAnsweringFromTheCache())).isNull();
        assertThat(authenticate("Bearer ", providersAnsweringFromTheCache())).isNull();
        assertThat(authenticate("Basic token-1", providersAnsweringFromTheCache())).isNull();
        assertThat(authenticate("Bearer token-2", providersAnsweringFromTheCache())).isNull();
        assertThat(authenticate("Bearer token-old", providersAnsweringFromTheCache())).isNull();
        assertThat(asked).isEmpty();
    }

    @Test
    void aTokenGoneBetweenTheTwoLooksIsLeftToQuarkusOidc() {
        tokens.remember(VerifiedTokensTest.verified("token-1", Instant.now().plusSeconds(300), null,
                VerifiedTokensTest.request()));
        IdentityProviderManager noneAnswers = providers(request -> Uni.createFrom()
                .failure(new AuthenticationFailedException()));

        assertThat(authenticate("Bearer token-1", noneAnswers)).isNull();
        assertThat(asked).containsExactly("token-1");
    }

    private SecurityIdentity authenticate(String authorization, IdentityProviderManager providers) {
        return mechanism.authenticate(request(authorization), providers).await().indefinitely();
    }

    private IdentityProviderManager providersAnsweringFromTheCache() {
        return providers(request -> {
            SecurityIdentity found = tokens.find(request.getToken().getToken(), null);
            return found == null ? Uni.createFrom().failure(new AuthenticationFailedException())
                    : Uni.createFrom().item(found);
        });
    }

    private IdentityProviderManager providers(java.util.function.Function<TokenAuthenticationRequest,
            Uni<SecurityIdentity>> answer) {
        return new IdentityProviderManager() {
            @Override
            public Uni<SecurityIdentity> authenticate(AuthenticationRequest request) {
                TokenAuthenticationRequest token = (TokenAuthenticationRequest) request;
                asked.add(token.getToken().getToken());
                return answer.apply(token);
            }

            @Override
            public SecurityIdentity authenticateBlocking(AuthenticationRequest request) {
                return authenticate(request).await().indefinitely();
            }
        };
    }

    /**
     * A request with only an Authorization header. Any other method fails the test loudly: the mechanism is meant to
     * read that header and nothing else before the cache has answered.
     */
    private static RoutingContext request(String authorization) {
        HttpServerRequest http = (HttpServerRequest) Proxy.newProxyInstance(HttpServerRequest.class.getClassLoader(),
                new Class<?>[] { HttpServerRequest.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return String.valueOf(args[0]).equalsIgnoreCase("Authorization") ? authorization : null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] { RoutingContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("request")) {
                        return http;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
