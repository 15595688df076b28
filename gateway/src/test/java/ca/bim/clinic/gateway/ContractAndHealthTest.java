package ca.bim.clinic.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/** The merged contract served at /openapi, Swagger UI on it, and readiness including the upstreams. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(StubUpstreams.class)
class ContractAndHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The management interface's root, {@code /q} on a random port in tests. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        StubUpstreams.reset();
    }

    @Test
    void servedContractIsTheMergeOfTheRunningServicesDocuments() throws Exception {
        var committed = JSON.readTree(Files.readString(Path.of("src/main/openapi/openapi.json")));
        // The stubs serve the committed service documents, so the live merge must equal the committed merge.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                JSON.readTree(given().get("/openapi").then().statusCode(200).contentType("application/json")
                        .extract().asString())).isEqualTo(committed));
    }

    @Test
    void yamlByQueryOrAccept() throws Exception {
        String byQuery = given().queryParam("format", "yaml").get("/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        String byAccept = given().accept("application/yaml").get("/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertThat(byAccept).isEqualTo(byQuery);
        var json = JSON.readTree(given().get("/openapi").then().extract().asString());
        assertThat(YAML.readTree(byQuery)).isEqualTo(json);
    }

    @Test
    void contractHasOneOAuth2SchemeAndTheGatewaysOperations() {
        given().get("/openapi").then().statusCode(200)
                .body("components.securitySchemes.keycloak.type", is("oauth2"))
                .body("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl",
                        is("http://localhost:8180/realms/clinic/protocol/openid-connect/auth"))
                .body("paths.'/api/v1/injuries/{slug}/care-options'.get.operationId", is("careOptions"));
    }

    @Test
    void swaggerUiShowsTheMergedContractWithPkceLogin() {
        String config = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertThat(config).contains("/openapi").contains("clinic-web");
        assertThat(config).containsIgnoringCase("usePkceWithAuthorizationCodeGrant: true");
    }

    @Test
    void readyWhenEveryUpstreamIsReady() {
        given().baseUri(management.toString()).get("/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstream-booking' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-injury' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream-client' }.data.url", containsString("127.0.0.1"));
    }

    @Test
    void publicPortAnswersHealthWithAStatusAndNothingElse() {
        for (String path : new String[] { "/q/health", "/q/health/live", "/q/health/ready" }) {
            String body = given().get(path).then().statusCode(200).contentType("application/json")
                    .header("Cache-Control", "no-store").extract().asString();
            assertThat(body).as(path).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void metricsAreOnTheManagementPortOnly() {
        given().get("/q/metrics").then().statusCode(404);
        given().baseUri(management.toString()).get("/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
        assertThat(management.getPort()).isPositive().isNotEqualTo(9080).isNotEqualTo(9001);
    }
}
