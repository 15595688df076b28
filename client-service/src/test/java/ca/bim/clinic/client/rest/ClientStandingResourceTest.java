package ca.bim.clinic.client.rest;

import static ca.bim.clinic.client.rest.Fixtures.LAWRENCE;
import static ca.bim.clinic.client.rest.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.client.repository.ClientRepository;
import ca.bim.clinic.client.rest.Fixtures.Account;
import ca.bim.clinic.client.service.StandingOutbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The standing feed (contract 2): one state-carrying item per committed change, gapless for a polling reader. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class ClientStandingResourceTest {

    private static final String FEED = "/internal/v1/client-standing";

    @Inject
    EntityManager em;

    @Inject
    StandingOutbox standing;

    @Inject
    ClientRepository clientRecords;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath page(String after, int limit) {
        var request = as(Fixtures.bookingService()).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get(FEED).then().statusCode(200).extract().jsonPath();
    }

    /** Reads to the current end of the feed and returns the cursor there. */
    private static String tail() {
        String cursor = null;
        while (true) {
            JsonPath page = page(cursor, 500);
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    private static void decide(Account client, String consent, String action) {
        as(client.token()).contentType(ContentType.JSON)
                .body("{\"consent\": \"%s\", \"action\": \"%s\"}".formatted(consent, action))
                .post("/api/v1/clients/{id}/consents", client.id()).then().statusCode(201);
    }

    @Test
    void everyStandingChangeIsAnItemCarryingTheFullStanding() {
        String start = tail();
        Account alice = Fixtures.newClient();
        decide(alice, "data-sharing", "grant");
        decide(alice, "marketing-email", "grant");
        decide(alice, "data-sharing", "withdraw");
        as(Fixtures.admin()).post("/api/v1/clients/{id}/archive", alice.id()).then().statusCode(200);

        JsonPath page = page(start, 500);
        List<Map<String, Object>> mine = page.<Map<String, Object>>getList("items").stream()
                .filter(item -> alice.id().equals(item.get("clientId"))).toList();
        assertThat(mine).extracting(item -> item.get("status"))
                .containsExactly("active", "active", "active", "active", "archived");
        assertThat(mine).extracting(item -> item.get("consents")).containsExactly(List.of(), List.of("data-sharing"),
                List.of("data-sharing", "marketing-email"), List.of("marketing-email"), List.of("marketing-email"));
        assertThat(mine).allSatisfy(item -> {
            assertThat(item.get("subject")).isNotNull();
            assertThat(item.get("changedAt")).isNotNull();
        });
        List<String> positions = mine.stream().map(item -> (String) item.get("position")).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(page.getString("next")).isEqualTo(page.getList("items.position").getLast());

        as(Fixtures.bookingService()).get(FEED + "/{id}", alice.id())
                .then().statusCode(200)
                .body("position", equalTo(positions.getLast()))
                .body("clientId", equalTo(alice.id()))
                .body("status", equalTo("archived"))
                .body("consents", contains("marketing-email"));
    }

    @Test
    void aWalkInHasNoSubject() {
        String id = as(Fixtures.frontDesk()).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Walk\", \"lastName\": \"In\"}")
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        as(Fixtures.bookingService()).get(FEED + "/{id}", id)
                .then().statusCode(200).body("subject", nullValue()).body("consents", empty());
    }

    @Test
    void anEmptyPageKeepsTheCursor() {
        String end = tail();
        as(Fixtures.bookingService()).queryParam("after", end).get(FEED)
                .then().statusCode(200).body("items", empty()).body("next", equalTo(end));
    }

    @Test
    void badCursorsLimitsAndUnknownClientsAreProblems() {
        as(Fixtures.bookingService()).queryParam("after", "42").get(FEED)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.bookingService()).queryParam("after", "zzzzzzzzzzzzzzzz-0000000000000000").get(FEED)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.bookingService()).queryParam("limit", 0).get(FEED)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.bookingService()).queryParam("limit", 501).get(FEED)
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        as(Fixtures.bookingService()).get(FEED + "/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void onlyTheClientStandingReadRoleMayRead() {
        Account alice = Fixtures.newClient();
        given().get(FEED).then().statusCode(401);
        given().get(FEED + "/{id}", alice.id()).then().statusCode(401);
        for (String token : List.of(Fixtures.therapist(LAWRENCE), Fixtures.admin(), Fixtures.frontDesk(),
                alice.token(), Fixtures.partner(), Fixtures.userTokenViaBookingService(), Fixtures.serviceWith(),
                Fixtures.serviceWith("booking-events:write"))) {
            as(token).get(FEED).then().statusCode(403).contentType(startsWith("application/problem+json"));
            as(token).get(FEED + "/{id}", alice.id()).then().statusCode(403);
        }
        as(Fixtures.serviceWith("client-standing:read")).get(FEED + "/{id}", alice.id()).then().statusCode(200);
    }

    /**
     * Writers change consents in parallel (and one writes slowly, on a client of its own) while a reader polls. Every position the reader is given
     * lies beyond the cursor it passed, and once the writers are done it has seen every row they wrote: no row ever
     * became visible behind the cursor.
     */
    @Test
    void aPollingReaderMissesNoChangeWhileWritersRunInParallel() throws Exception {
        String start = tail();
        List<Account> clients = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            clients.add(Fixtures.newClient());
        }
        Set<String> ours = new HashSet<>(clients.stream().map(Account::id).toList());
        Map<String, String> seen = new HashMap<>();
        Map<String, Object> lastConsents = new HashMap<>();
        AtomicReference<Set<String>> expected = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<?> reader = pool.submit(() -> {
                String cursor = start;
                long deadline = Long.MAX_VALUE;
                // Until every row the writers wrote has been served (another transaction anywhere in the cluster
                // may hold the horizon back for a while, hence a deadline rather than "until an empty page").
                while (expected.get() == null || !seen.keySet().containsAll(expected.get())) {
                    if (expected.get() != null && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + 60_000_000_000L;
                    }
                    assertThat(System.nanoTime()).as("all rows served in time").isLessThan(deadline);
                    JsonPath page = page(cursor, 50);
                    for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                        String position = (String) item.get("position");
                        assertThat(position).as("served beyond the cursor").isGreaterThan(cursor);
                        assertThat(seen.put(position, (String) item.get("clientId"))).isNull();
                        if (ours.contains(item.get("clientId"))) {
                            lastConsents.put((String) item.get("clientId"), item.get("consents"));
                        }
                        cursor = position;
                    }
                    assertThat(page.getString("next")).isEqualTo(cursor);
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                // Each client has two writers, so changes of one client race each other too.
                Account client = clients.get(w);
                Account other = clients.get((w + 1) % 6);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        decide(i % 2 == 0 ? client : other, i % 4 < 2 ? "data-sharing" : "marketing-email",
                                i % 3 == 0 ? "withdraw" : "grant");
                    }
                    return null;
                }));
            }
            // A slow writer: its transactions take their id early and commit late, so faster ones pass them. A feed
            // that served rows by id without the horizon would let these appear behind the reader's cursor.
            writers.add(pool.submit(() -> {
                UUID id = UUID.fromString(clients.get(6).id());
                for (int i = 0; i < 10; i++) {
                    QuarkusTransaction.requiringNew().run(() -> {
                        standing.lock(id);
                        standing.record(clientRecords.findById(id));
                        try {
                            Thread.sleep(400);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
                return null;
            }));
            for (Future<?> writer : writers) {
                writer.get();
            }
            List<String> written = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    SELECT lpad(to_hex(xid::text::numeric::bigint), 16, '0') || '-' || lpad(to_hex(seq), 16, '0')
                    FROM client_standing_outbox WHERE client_id IN (:ids)
                    """, String.class)
                    .setParameter("ids", clients.stream().map(c -> UUID.fromString(c.id())).toList())
                    .getResultList());
            // Seven creations, 72 consent decisions and 10 slow rewrites.
            assertThat(written).hasSize(7 + 72 + 10);
            expected.set(Set.copyOf(written));
            reader.get();
        } finally {
            pool.shutdownNow();
        }

        // State-carrying: the last item of each client is its current standing.
        for (Account client : clients) {
            List<String> granted = as(client.token()).get("/api/v1/clients/{id}/consents", client.id())
                    .then().statusCode(200).extract().jsonPath()
                    .getList("current.findAll { it.granted }.consent");
            assertThat(lastConsents.get(client.id())).as(client.id())
                    .isEqualTo(granted.stream().sorted().toList());
        }
    }
}
