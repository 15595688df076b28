package ca.bim.clinic.booking.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.domain.ClientStanding;
import ca.bim.clinic.booking.repository.ClientStandingRepository;
import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.ClientServiceStub.Standing;
import ca.bim.clinic.booking.support.FixedClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The poller that copies client-service's standing feed into the local view (the scheduler is off in tests). */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class ClientStandingSyncTest {

    @Inject
    ClientStandingSync sync;

    @Inject
    ClientStandingRepository repository;

    @Inject
    EntityManager em;

    @Inject
    FixedClock clock;

    @BeforeEach
    void freshStub() {
        ClientServiceStub.reset();
        clock.set("2026-05-01T12:00:00Z");
        sync.poll(); // drain what earlier tests left, so each test starts at the head of the feed
    }

    @Test
    void aPollPassCopiesEachClientsStandingAndStoresTheCursor() {
        UUID active = UUID.randomUUID();
        UUID archived = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        ClientServiceStub.set(active, "sub-" + active, Standing.ACTIVE);
        ClientServiceStub.set(archived, Standing.ARCHIVED);
        ClientServiceStub.set(withdrawn, Standing.NO_DATA_SHARING);

        assertThat(sync.poll()).isEqualTo(3);

        ClientStanding a = row(active);
        assertThat(a.status).isEqualTo("active");
        assertThat(a.dataSharing).isTrue();
        assertThat(a.subject).isEqualTo("sub-" + active);
        assertThat(a.updatedAt).isEqualTo(Instant.parse("2026-04-01T10:00:00Z"));
        assertThat(row(archived).status).isEqualTo("archived");
        assertThat(row(withdrawn).dataSharing).isFalse();
        assertThat(cursor()).isEqualTo(row(withdrawn).position);
        assertThat(readAt()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
    }

    @Test
    void laterChangesOfTheSameClientWinAndReplaysChangeNothing() {
        UUID client = UUID.randomUUID();
        ClientServiceStub.set(client, Standing.ACTIVE);
        ClientServiceStub.set(client, Standing.NO_DATA_SHARING);
        ClientServiceStub.set(client, Standing.ACTIVE);
        ClientServiceStub.set(client, Standing.ARCHIVED);
        sync.poll();
        assertThat(row(client).status).isEqualTo("archived");

        // Nothing new: the next pass asks from the stored cursor and writes nothing.
        long requests = ClientServiceStub.feedRequests();
        assertThat(sync.poll()).isZero();
        assertThat(ClientServiceStub.feedRequests()).isEqualTo(requests + 1);
    }

    @Test
    void anOlderPositionNeverOverwritesANewerOne() {
        UUID client = UUID.randomUUID();
        // "10" is newer than "9" although it sorts first as text.
        assertThat(upsert(client, "active", true, "10")).isTrue();
        assertThat(upsert(client, "archived", false, "9")).isFalse();
        assertThat(upsert(client, "archived", false, "10")).isFalse();
        assertThat(row(client).status).isEqualTo("active");
        assertThat(upsert(client, "archived", false, "11")).isTrue();
        assertThat(row(client).status).isEqualTo("archived");
        assertThat(row(client).position).isEqualTo("11");
    }

    @Test
    void aSubjectMovesToTheClientOfTheNewerChange() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String subject = "sub-" + UUID.randomUUID();
        assertThat(upsert(first, subject, "5")).isTrue();
        assertThat(upsert(second, subject, "6")).isTrue();
        assertThat(row(first).subject).isNull();
        assertThat(row(second).subject).isEqualTo(subject);
    }

    @Test
    void pagesAreReadUntilTheFeedIsDrained() {
        // More items than one page (page size 100 by default).
        for (int i = 0; i < 130; i++) {
            ClientServiceStub.set(UUID.randomUUID(), Standing.ACTIVE);
        }
        long before = ClientServiceStub.feedRequests();
        assertThat(sync.poll()).isEqualTo(130);
        assertThat(ClientServiceStub.feedRequests() - before).isEqualTo(2);
    }

    @Test
    void concurrentPassesApplyEveryChangeOnceAndNeverMoveTheCursorBack() throws Exception {
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID client = UUID.randomUUID();
            clients.add(client);
            ClientServiceStub.set(client, Standing.ACTIVE);
            ClientServiceStub.set(client, Standing.NO_DATA_SHARING);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> passes = List.of(sync::poll, sync::poll, sync::poll, sync::poll);
            int applied = 0;
            for (Future<Integer> f : pool.invokeAll(passes)) {
                applied += f.get();
            }
            // Each item was written once: a pass that lost the race for a page dropped it.
            assertThat(applied).isEqualTo(80);
        } finally {
            pool.shutdownNow();
        }
        for (UUID client : clients) {
            assertThat(row(client).dataSharing).isFalse();
        }
        assertThat(cursor()).isEqualTo(row(clients.get(clients.size() - 1)).position);
    }

    @Test
    void aPassThatFindsTheCursorMovedDropsItsPage() {
        String cursor = cursor();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(repository.lockCursorAt(cursor)).isTrue();
            assertThat(repository.lockCursorAt("not-" + cursor)).isFalse();
        });
    }

    @Test
    void clientServiceDownFailsThePassAndKeepsTheCursor() {
        String cursor = cursor();
        ClientServiceStub.set(UUID.randomUUID(), Standing.ACTIVE);
        ClientServiceStub.down(true);
        assertThatThrownBy(sync::poll).isInstanceOf(RuntimeException.class);
        assertThat(cursor()).isEqualTo(cursor);
        ClientServiceStub.down(false);
        assertThat(sync.poll()).isEqualTo(1);
    }

    private boolean upsert(UUID client, String status, boolean sharing, String position) {
        return QuarkusTransaction.requiringNew().call(() -> repository.upsert(client, null, status, sharing, position,
                Instant.parse("2026-04-01T10:00:00Z")));
    }

    private boolean upsert(UUID client, String subject, String position) {
        return QuarkusTransaction.requiringNew().call(() -> repository.upsert(client, subject, "active", true,
                position, Instant.parse("2026-04-01T10:00:00Z")));
    }

    private ClientStanding row(UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ClientStanding s = repository.findById(client);
            assertThat(s).as("standing of " + client).isNotNull();
            em.detach(s);
            return s;
        });
    }

    private String cursor() {
        return QuarkusTransaction.requiringNew().call(() -> repository.cursor().orElse(null));
    }

    private Instant readAt() {
        Object value = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT read_at FROM client_standing_feed WHERE id = 1").getSingleResult());
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected " + value.getClass());
        };
    }
}
