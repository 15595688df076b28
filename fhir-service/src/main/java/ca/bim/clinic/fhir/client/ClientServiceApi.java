package ca.bim.clinic.fhir.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** client-service's internal demographics endpoint, called as fhir-service itself (role patient-demographics:read). */
@RegisterRestClient(configKey = "client-service")
@OidcClientFilter
@Path("/internal/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
interface ClientServiceApi {

    @GET
    @Path("/{clientId}")
    Response patient(@PathParam("clientId") String clientId);
}
