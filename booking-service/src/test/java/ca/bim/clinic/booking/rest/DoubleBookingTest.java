package ca.bim.clinic.booking.rest;

import static ca.bim.clinic.booking.support.Fixtures.RICHMOND;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.AppointmentStatus;
import ca.bim.clinic.booking.domain.AppointmentType;
import ca.bim.clinic.booking.domain.Location;
import ca.bim.clinic.booking.domain.Practitioner;
import ca.bim.clinic.booking.support.ClientServiceStub;
import ca.bim.clinic.booking.support.Fixtures;
import ca.bim.clinic.booking.support.FixedClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** No double booking under concurrency: the database decides, whatever the service's own checks saw. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ClientServiceStub.class)
class DoubleBookingTest {

    @Inject
    FixedClock clock;

    @Inject
    EntityManager em;

    UUID practitioner;

    @BeforeEach
    void practitionerWorkingMondaysInRichmond() {
        clock.set("2026-05-01T12:00:00Z");
        practitioner = Fixtures.practitioner(Fixtures.unique("race"));
        Fixtures.schedule(practitioner, RICHMOND, "MONDAY", "09:00", "17:00", "2026-05-01", "2026-06-30");
    }

    @Test
    void twentyConcurrentRequestsForOneSlotYieldExactlyOneBooking() throws Exception {
        List<Integer> statuses = race(20, i -> "2026-05-04T10:00:00-07:00", i -> null);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(activeAppointments()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsForOverlappingStartsYieldExactlyOneBooking() throws Exception {
        // Starts 10:00 to 11:00: every pair overlaps once the 15-minute buffer is counted.
        String[] starts = { "10:00", "10:15", "10:30", "10:45", "11:00" };
        List<Integer> statuses = race(20, i -> "2026-05-04T" + starts[i % starts.length] + ":00-07:00", i -> null);

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(activeAppointments()).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyAllGetTheSameAppointment() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID client = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        List<Integer> statuses = race(10, i -> "2026-05-04T10:00:00-07:00", i -> key, client, ids);

        assertThat(statuses).containsOnly(201);
        assertThat(ids).hasSize(10).containsOnly(ids.get(0));
        assertThat(activeAppointments()).isEqualTo(1);
    }

    @Test
    void databaseRefusesOverlappingAppointmentsEvenWithoutTheServiceChecks() {
        Instant start = Instant.parse("2026-05-04T17:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> em.persist(appointment(start)));
        // Starts when the first ends, but inside its buffer.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> em.persist(appointment(start.plusSeconds(3600)))))
                .rootCause().hasMessageContaining("appointment_no_double_booking");
        // Cancelled appointments do not count.
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment cancelled = appointment(start.plusSeconds(1800));
            cancelled.status = AppointmentStatus.CANCELLED;
            em.persist(cancelled);
        });
        assertThat(activeAppointments()).isEqualTo(1);
    }

    private Appointment appointment(Instant start) {
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.type = em.createQuery("from AppointmentType where code = 'sports-massage-60'", AppointmentType.class)
                .getSingleResult();
        a.practitioner = em.find(Practitioner.class, practitioner);
        a.location = em.createQuery("from Location where code = 'richmond'", Location.class).getSingleResult();
        a.clientId = UUID.randomUUID();
        a.startsAt = start;
        a.endsAt = start.plusSeconds(3600);
        a.blockedUntil = a.endsAt.plusSeconds(900);
        a.status = AppointmentStatus.BOOKED;
        a.priceCad = new BigDecimal("120.00");
        a.bookedBy = "test";
        a.createdAt = start.minusSeconds(86_400);
        a.updatedAt = a.createdAt;
        return a;
    }

    private long activeAppointments() {
        return ((Number) given().auth().oauth2(Fixtures.frontDesk()).queryParam("practitioner", practitioner)
                .queryParam("status", "booked").get("/api/v1/appointments")
                .then().statusCode(200).extract().path("totalItems")).longValue();
    }

    private List<Integer> race(int requests, java.util.function.IntFunction<String> start,
            java.util.function.IntFunction<String> key) throws Exception {
        return race(requests, start, key, null, new ArrayList<>());
    }

    /** Fires the requests together (released by one latch) and returns their status codes. */
    private List<Integer> race(int requests, java.util.function.IntFunction<String> start,
            java.util.function.IntFunction<String> key, UUID client, List<String> ids) throws Exception {
        String token = Fixtures.frontDesk();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<io.restassured.response.Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("appointmentType", "sports-massage-60", "practitionerId",
                                    practitioner.toString(), "locationCode", RICHMOND, "start", start.apply(n),
                                    "clientId", (client == null ? UUID.randomUUID() : client).toString()));
                    if (key.apply(n) != null) {
                        request = request.header("Idempotency-Key", key.apply(n));
                    }
                    go.await();
                    return request.post("/api/v1/appointments");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var future : futures) {
                var response = future.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                } else {
                    response.then().statusCode(409).body("status", equalTo(409));
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
