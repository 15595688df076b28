package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.Appointment;
import ca.bim.clinic.booking.domain.AppointmentFilter;
import ca.bim.clinic.booking.domain.AppointmentStatus;
import ca.bim.clinic.common.persistence.ScalarQuery;
import ca.bim.clinic.common.persistence.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** What an availability search needs of a booked appointment: who, and the time it blocks. */
    public record BusyInterval(UUID practitionerId, Instant start, Instant blockedUntil) {
    }

    /**
     * Rows that occupy their range at {@code :now}: what the exclusion constraint covers (see migration V10), less
     * holds whose expiry has passed, which count as free even before anyone clears them.
     */
    private static final String OCCUPYING = " status not in ('CANCELLED', 'RELEASED', 'EXPIRED')"
            + " and (status <> 'HELD' or hold_expires_at > :now)";

    /** Rows that are appointments (not, or no longer, mere holds): every status of {@link AppointmentStatus}. */
    private static final String APPOINTMENT_STATUSES = literals(Arrays.stream(AppointmentStatus.values()));
    private static final String NOT_CANCELLED_STATUSES = literals(
            Arrays.stream(AppointmentStatus.values()).filter(s -> s != AppointmentStatus.CANCELLED));

    /**
     * Non-cancelled appointments and live holds of these practitioners whose blocked time overlaps [from, to).
     * Written against the range expression of the exclusion constraint so PostgreSQL answers from its index.
     */
    @SuppressWarnings("unchecked")
    public List<BusyInterval> findBusy(Collection<UUID> practitionerIds, Instant from, Instant to, Instant now) {
        List<Object[]> rows = getEntityManager().createNativeQuery("select practitioner_id, starts_at, blocked_until"
                + " from appointment where practitioner_id in (:practitioners) and" + OCCUPYING
                + " and tstzrange(starts_at, blocked_until) && tstzrange(:from, :to)", Object[].class)
                .setParameter("practitioners", practitionerIds)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("now", now)
                .getResultList();
        return rows.stream().map(r -> new BusyInterval((UUID) r[0], toInstant(r[1]), toInstant(r[2]))).toList();
    }

    /** Whether another non-cancelled appointment or live hold of the practitioner blocks part of [from, to). */
    public boolean overlapsAnother(UUID practitionerId, Instant from, Instant to, UUID exceptId, Instant now) {
        return ScalarQuery.of(getEntityManager(), "select exists (select 1 from appointment"
                + " where practitioner_id = :practitioner and" + OCCUPYING
                + " and tstzrange(starts_at, blocked_until) && tstzrange(:from, :to) and id <> :except) as taken",
                "taken", Boolean.class)
                .setParameter("practitioner", practitionerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("except", exceptId)
                .setParameter("now", now)
                .getSingleResult();
    }

    /**
     * Marks EXPIRED the practitioner's holds that overlap [from, to) and expired by {@code now}, so that a row about
     * to take the range is not refused by the exclusion constraint because of them. Runs in the writer's transaction,
     * before its insert; a concurrent writer clearing the same hold waits for this one and then finds it done.
     */
    public int clearExpiredHolds(UUID practitionerId, Instant from, Instant to, Instant now) {
        return getEntityManager().createNativeQuery("update appointment set status = 'EXPIRED', updated_at = :now,"
                + " version = version + 1 where practitioner_id = :practitioner and status = 'HELD'"
                + " and hold_expires_at <= :now and tstzrange(starts_at, blocked_until) && tstzrange(:from, :to)")
                .setParameter("practitioner", practitionerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("now", now)
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }

    public long countActiveOverlapping(UUID practitionerId, Instant from, Instant to) {
        return count("practitioner.id = ?1 and status in ?2 and startsAt < ?3 and blockedUntil > ?4",
                practitionerId, List.of(AppointmentStatus.BOOKED, AppointmentStatus.CHECKED_IN), to, from);
    }

    public PanacheQuery<Appointment> search(AppointmentFilter filter) {
        return search(filter, false);
    }

    /**
     * With {@code sharedWithPartnersOnly}, only appointments of clients whose data-sharing consent is in force in the
     * local standing view (no row means not shared).
     */
    public PanacheQuery<Appointment> search(AppointmentFilter filter, boolean sharedWithPartnersOnly) {
        Where where = new Where("status in " + APPOINTMENT_STATUSES);
        if (sharedWithPartnersOnly) {
            where.and("clientId in (select s.clientId from ClientStanding s where s.dataSharing = true)");
        }
        where.and("clientId = :client", "client", filter.clientId())
                .and("practitioner.id = :practitioner", "practitioner", filter.practitionerId())
                .and("location.id = :location", "location", filter.locationId())
                .and("startsAt >= :from", "from", filter.from())
                .and("startsAt < :to", "to", filter.to())
                .and("status = :status", "status", filter.status())
                .and("bookedBy = :bookedBy", "bookedBy", filter.bookedBy());
        return find(where.toString(), Sort.by("startsAt").and("id"), where.parameters());
    }

    /** The appointment (never a mere hold) with its type, practitioner and location loaded. */
    public java.util.Optional<Appointment> findDetailed(UUID id) {
        return find("from Appointment a join fetch a.type join fetch a.practitioner join fetch a.location"
                + " where a.id = ?1 and a.status in " + APPOINTMENT_STATUSES, id).firstResultOptional();
    }

    /** The occurrences of a series in order, with type, practitioner and location loaded. */
    public List<Appointment> findInSeries(UUID seriesId) {
        return find("from Appointment a join fetch a.type join fetch a.practitioner join fetch a.location"
                + " where a.seriesId = ?1 and a.status in " + APPOINTMENT_STATUSES + " order by a.startsAt", seriesId)
                .list();
    }

    /** Upcoming non-cancelled appointments of a practitioner, with type and location loaded. */
    public List<Appointment> findUpcoming(UUID practitionerId, Instant from, Instant to) {
        return find("from Appointment a join fetch a.type join fetch a.location where a.practitioner.id = ?1"
                + " and a.status in " + NOT_CANCELLED_STATUSES + " and a.startsAt >= ?2 and a.startsAt < ?3"
                + " order by a.startsAt", practitionerId, from, to).list();
    }

    /**
     * The statuses as a list of HQL enum literals, {@code (...Status.BOOKED, ...)}. A list parameter would do, but
     * Hibernate translates a query with a list parameter to SQL again on every call: 4.5% of booking-service's CPU
     * during bookings and cancellations, in reading the appointment (JFR, docs/benchmarks.md 2026-12-01).
     */
    private static String literals(Stream<AppointmentStatus> statuses) {
        return statuses.map(s -> AppointmentStatus.class.getName() + "." + s.name())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
