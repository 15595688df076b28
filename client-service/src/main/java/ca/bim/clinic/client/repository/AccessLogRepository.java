package ca.bim.clinic.client.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.AccessLogEntry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccessLogRepository implements PanacheRepositoryBase<AccessLogEntry, UUID> {

    public PanacheQuery<AccessLogEntry> ofClient(UUID clientId) {
        return find("clientId = ?1 order by occurredAt desc, id desc", clientId);
    }
}
