package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Claims the key for this request. Returns false if the caller already used it; a concurrent claim of the
     * same key makes PostgreSQL wait until that transaction ends, so the answer is always final.
     */
    public boolean claim(IdempotencyRecord.Key key, String requestHash, UUID appointmentId, Instant now) {
        return getEntityManager().createNativeQuery("insert into idempotency_record"
                + " (caller, idempotency_key, request_hash, appointment_id, created_at)"
                + " values (:caller, :key, :hash, :appointment, :now) on conflict do nothing")
                .setParameter("caller", key.caller())
                .setParameter("key", key.idempotencyKey())
                .setParameter("hash", requestHash)
                .setParameter("appointment", appointmentId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
