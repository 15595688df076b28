package ca.bim.clinic.client.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.CareRelationship;
import ca.bim.clinic.client.domain.CareSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CareRelationshipRepository implements PanacheRepositoryBase<CareRelationship, CareRelationship.Key> {

    public boolean inCare(UUID clientId, String therapistUsername) {
        return count("key.clientId = ?1 and key.therapistUsername = ?2", clientId, therapistUsername) > 0;
    }

    public List<CareRelationship> ofClient(UUID clientId) {
        return list("key.clientId = ?1 order by key.therapistUsername", clientId);
    }

    /** Adds the relationship unless it exists; safe under concurrent adds. Returns whether a row was added. */
    public boolean addIfAbsent(UUID clientId, String therapistUsername, CareSource source, Instant at,
            String createdBy) {
        int added = getEntityManager().createNativeQuery("""
                INSERT INTO care_relationship (client_id, therapist_username, source, created_at, created_by)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING
                """)
                .setParameter(1, clientId).setParameter(2, therapistUsername).setParameter(3, source.name())
                .setParameter(4, at).setParameter(5, createdBy)
                .executeUpdate();
        return added > 0;
    }

    public boolean remove(UUID clientId, String therapistUsername) {
        return delete("key.clientId = ?1 and key.therapistUsername = ?2", clientId, therapistUsername) > 0;
    }
}
