package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/**
 * The typed TypeScript client's example (sign in, find a slot, book it, cancel it) compiled and run with Node
 * against this stack, through the gateway: what a frontend developer runs first must work, not only type-check.
 * {@code ./clinic test} installs the client's npm packages before Maven starts.
 */
@ExtendWith(SystemExtension.class)
class TypeScriptClientIT {

    @Test
    void theExampleBooksAndCancelsThroughTheGateway(RunningSystem system) throws Exception {
        Path client = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize()
                .resolve("clients/typescript");
        Path tsc = client.resolve("node_modules/.bin/tsc");
        Assumptions.assumeTrue(Files.isExecutable(tsc) && Files.exists(client.resolve("src/schema.d.ts")),
                "the TypeScript client is not installed (./clinic test runs npm ci and generates it first)");

        // The example books as alice, who needs a client record.
        String alice = new Keycloak(system.keycloakUrl()).userToken("alice");
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Alice\", \"lastName\": \"Runner\"}")
                .post("/api/v1/clients").then().statusCode(is(oneOf(201, 409)));

        run(client, List.of(tsc.toString(), "-p", "."), system);
        String output = run(client, List.of("node", "dist/examples/book-and-cancel.js"), system);
        assertThat(output).contains("booked ").contains("status is now cancelled");
    }

    private static String run(Path directory, List<String> command, RunningSystem system)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("CLINIC_API_URL", system.gatewayUrl());
        builder.environment().put("CLINIC_REALM_URL", system.keycloakUrl() + "/realms/clinic");
        Process process = builder.start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("%s finished in time", command).isTrue();
        assertThat(process.exitValue()).as("%s exit status; output:%n%s", command, output).isZero();
        return output;
    }
}
