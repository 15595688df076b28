package ca.bim.clinic.booking.events.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Events;
import ca.bim.clinic.booking.support.FixedClock;
import ca.bim.clinic.booking.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * The feed stays gapless and monotonic while many transactions write events at once and commit in a different
 * order than they took their sequence numbers (each holds its transaction open a random while after writing).
 * A reader polls throughout; at the end a fresh read from the start must list exactly what the reader saw, in the
 * same order: an event that appeared below a position the reader had passed would be in the fresh read only.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class FeedConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int TRANSACTIONS_PER_WRITER = 15;

    @Inject
    EntityManager em;

    @Inject
    FixedClock clock;

    @Test
    void readerPollingDuringConcurrentWritesNeverSeesAnEventAppearBehindIt() throws Exception {
        String subject = Fixtures.unique("partner");
        String partner = Fixtures.partner(subject);
        UUID client = Events.sharingClient();
        Set<String> written = ConcurrentHashMap.newKeySet();

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(pool.submit(() -> {
                for (int t = 0; t < TRANSACTIONS_PER_WRITER; t++) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        int events = 1 + ThreadLocalRandom.current().nextInt(3);
                        for (int e = 0; e < events; e++) {
                            written.add(write(subject, client));
                        }
                        sleep(ThreadLocalRandom.current().nextInt(25)); // commit later than others that began after
                    });
                }
                return null;
            }));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean writing = true;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((writing || seen.size() < written.size()) && System.nanoTime() < deadline) {
            writing = writers.stream().anyMatch(f -> !f.isDone());
            var request = given().auth().oauth2(partner).queryParam("limit", 50);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
        }
        for (Future<?> writer : writers) {
            writer.get(); // surfaces a writer's failure
        }
        pool.shutdown();

        assertThat(written).hasSize(seen.size());
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
        assertThat(seen).containsExactlyElementsOf(readAll(partner));
    }

    private static List<String> readAll(String partner) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = given().auth().oauth2(partner).queryParam("limit", 500);
            if (cursor != null) {
                request = request.queryParam("after", cursor);
            }
            JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        return all;
    }

    /** One appointment event row as the outbox writes it (the feed's ordering is what is under test here). */
    private String write(String bookedBy, UUID client) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, type, appointment_id, client_id, booked_by, occurred_at, version, payload)
                VALUES (:id, 'appointment.booked', NULL, :client, :bookedBy, :at, 1, CAST(:payload AS json))
                """).setParameter("id", id).setParameter("client", client).setParameter("bookedBy", bookedBy)
                .setParameter("at", clock.instant())
                .setParameter("payload", "{\"id\":\"" + id + "\",\"type\":\"appointment.booked\",\"version\":1}")
                .executeUpdate();
        return id.toString();
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
