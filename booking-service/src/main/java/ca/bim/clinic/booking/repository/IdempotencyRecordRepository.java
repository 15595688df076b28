package ca.bim.clinic.booking.repository;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {
}
