package ca.bim.clinic.client.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Reading a consenting client's demographics for the FHIR view: only a caller holding the client role
 * {@code patient-demographics:read} of the client-service client, which the realm grants to fhir-service's service
 * account alone. Realm roles (admin included) never qualify.
 */
@ApplicationScoped
public class PatientDemographicsPermission {

    public static final String READ = "patient-demographics:read";

    /** The Keycloak client whose client roles client-service honours. */
    static final String RESOURCE = "client-service";

    @PermissionChecker(READ)
    boolean canRead(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return false;
        }
        // Mapped roles (tests put the role among the token's roles) or Keycloak's resource_access claim.
        return identity.hasRole(READ) || (identity.getPrincipal() instanceof JsonWebToken token
                && clientRoles(token).contains(READ));
    }

    /** {@code resource_access.client-service.roles} of a Keycloak token. */
    static List<String> clientRoles(JsonWebToken token) {
        if (token.getClaim("resource_access") instanceof JsonObject clients
                && clients.get(RESOURCE) instanceof JsonObject client
                && client.get("roles") instanceof JsonArray roles) {
            return roles.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                    .toList();
        }
        return List.of();
    }
}
