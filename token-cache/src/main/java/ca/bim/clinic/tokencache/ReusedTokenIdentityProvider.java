package ca.bim.clinic.tokencache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;

/**
 * Answers a bearer token this process verified recently from {@link VerifiedTokens}. Any other token gets no answer
 * here (a null identity), and Quarkus then asks the next provider: Quarkus OIDC, which verifies it in full.
 */
@ApplicationScoped
public class ReusedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before Quarkus OIDC's provider, which keeps the default priority (1001); higher goes first. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        SecurityIdentity reused = tokens.find(request.getToken().getToken(),
                HttpSecurityUtils.getRoutingContextAttribute(request));
        return reused == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(reused);
    }
}
