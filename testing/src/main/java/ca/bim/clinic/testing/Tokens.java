package ca.bim.clinic.testing;

import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Access tokens signed by the mock OIDC server, shaped like the clinic realm's (audience clinic-api). */
public final class Tokens {

    public static final String AUDIENCE = "clinic-api";

    private Tokens() {
    }

    /** A token for {@code user} whose subject is {@code subject}, carrying {@code roles}. */
    public static String of(String user, String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), subject, "Bearer", Set.of(AUDIENCE));
    }

    /** A well-signed token for another API: the services must refuse it. */
    public static String forOtherAudience(String user, String subject, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles), subject, "Bearer",
                Set.of("https://other-api.example.com"));
    }
}
