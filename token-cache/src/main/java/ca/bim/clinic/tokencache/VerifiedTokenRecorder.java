package ca.bim.clinic.tokencache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Hands every identity Quarkus OIDC has just verified to {@link VerifiedTokens}. It runs before any other augmentor,
 * so what is kept is the verified identity itself; augmentors run again on each reuse.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    @Inject VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        tokens.remember(identity);
        return Uni.createFrom().item(identity);
    }
}
