package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;

/**
 * The services working together: a client books through the gateway; booking-service checks the client with
 * client-service, records the event, and delivers it to client-service (care team) and to a signed webhook.
 */
@ExtendWith(SystemExtension.class)
class BookingFlowIT {

    /** Lawrence Lam, RMT, as seeded by booking-service. */
    private static final String LAWRENCE = "7a0d9a52-2c51-4c1e-9d4e-000000000001";

    private static Keycloak keycloak;
    private static HttpServer receiver;
    private static final List<Map<String, String>> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(RunningSystem system) throws IOException {
        keycloak = new Keycloak(system.keycloakUrl());
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(Map.of("body", body,
                    "id", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")),
                    "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-timestamp")),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature"))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void clientBooksTheTherapistGainsTheIntakeAndTheWebhookGetsASignedEvent() throws Exception {
        // An admin's subscription receives every event; a partner's only those of bookings it made.
        String admin = keycloak.userToken("andrea");
        String secret = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                        "eventTypes", List.of("appointment.booked")))
                .post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("secret");

        String alice = keycloak.userToken("alice");
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Alice\", \"lastName\": \"Runner\"}")
                .post("/api/v1/clients").then().statusCode(is(oneOf(201, 409)));
        String aliceId = given().auth().oauth2(alice).get("/api/v1/clients/me").then().statusCode(200)
                .extract().path("id");
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"conditions\": [], \"goals\": \"Run the half marathon without knee pain\"}")
                .put("/api/v1/clients/" + aliceId + "/intake").then().statusCode(is(oneOf(200, 201)));

        String lawrence = keycloak.userToken("lawrence");
        given().auth().oauth2(lawrence).get("/api/v1/clients/" + aliceId + "/intake")
                .then().statusCode(is(oneOf(403, 404)));

        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        Map<String, Object> slot = given()
                .queryParam("appointmentType", "sports-massage-60").queryParam("practitioner", LAWRENCE)
                .queryParam("from", today.plusDays(1).toString()).queryParam("to", today.plusDays(14).toString())
                .get("/api/v1/availability")
                .then().statusCode(200).extract().path("items[0]");
        assertThat(slot).as("a free slot with Lawrence in the next two weeks").isNotNull();

        String appointmentId = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(slot) // a slot is a booking request as it is
                .post("/api/v1/appointments")
                .then().statusCode(201).body("clientId", equalTo(aliceId)).extract().path("id");

        await("lawrence reads alice's intake", () -> given().auth().oauth2(lawrence)
                .get("/api/v1/clients/" + aliceId + "/intake").statusCode() == 200);
        given().auth().oauth2(lawrence).get("/api/v1/clients/" + aliceId + "/intake")
                .then().statusCode(200).body("answers.goals", equalTo("Run the half marathon without knee pain"));

        await("the partner receives appointment.booked",
                () -> deliveries.stream().anyMatch(d -> d.get("body").contains(appointmentId)));
        Map<String, String> delivery = deliveries.stream().filter(d -> d.get("body").contains(appointmentId))
                .findFirst().orElseThrow();
        assertThat(delivery.get("body")).contains("\"type\":\"appointment.booked\"").doesNotContain("Alice", "Runner");
        // Standard Webhooks: HMAC-SHA256 keyed with the base64 part of the secret after whsec_, over
        // "<webhook-id>.<webhook-timestamp>.<body>", sent as "v1,<base64>".
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal((delivery.get("id") + "."
                + delivery.get("timestamp") + "." + delivery.get("body")).getBytes(StandardCharsets.UTF_8)));
        assertThat(delivery.get("signature").split(" ")).contains(expected);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
