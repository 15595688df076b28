package ca.bim.clinic.tokencache;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Takes a bearer token that {@link VerifiedTokens} holds straight to the identity providers, ahead of Quarkus OIDC's
 * mechanism. That mechanism wraps every token in an {@code AccessTokenCredential}, whose constructor decodes the
 * token's payload as JSON to tell a JWT from an opaque token: 7% of the gateway's samples relaying
 * {@code /clients/me} (JFR, docs/benchmarks.md 2026-12-01), for a token whose identity is already known. The request
 * still goes through the identity provider manager, so the augmentors run as on every other call.
 * <p>
 * Any other request (no bearer token, or one not verified recently) gets no answer here, and Quarkus OIDC's
 * mechanism, next in priority, handles it as before, challenge included.
 */
@ApplicationScoped
public class ReusedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

    @Inject VerifiedTokens tokens;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String token = bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null || !tokens.holds(token)) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(token, "bearer"));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        // Gone between the two looks (expired or evicted): no provider answers it, and Quarkus OIDC verifies it.
        return identities.authenticate(request).onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    /** The token of an {@code Authorization: Bearer <token>} header (scheme in any case), else null. */
    static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem(); // Quarkus OIDC's mechanism answers with its own challenge
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem(); // not selectable by scheme: it only ever shortens Quarkus OIDC's path
    }

    /** Before Quarkus OIDC's mechanism (1001); higher goes first. */
    @Override
    public int getPriority() {
        return 2000;
    }
}
