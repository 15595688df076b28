package ca.bim.clinic.booking.events;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.bim.clinic.booking.service.Caller;

/** Catch-up reading of the outbox in sequence order; a partner reads the events of the appointments it booked. */
@ApplicationScoped
public class EventFeed {

    /** A page of events and whether more follow. */
    public record Slice(List<JsonNode> events, boolean more) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    EventFeed(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Slice after(UUID after, int limit, Caller caller) {
        boolean all = caller.roles().contains(Caller.ADMIN);
        long afterSeq = 0;
        if (after != null) {
            List<Long> seq = em.createNativeQuery(
                    "SELECT seq FROM outbox_event WHERE id = :id AND (:all OR booked_by = :owner)", Long.class)
                    .setParameter("id", after).setParameter("all", all).setParameter("owner", caller.subject())
                    .getResultList();
            if (seq.isEmpty()) {
                throw new NotFoundException("No event with id " + after);
            }
            afterSeq = seq.get(0);
        }
        List<String> payloads = em.createNativeQuery("""
                SELECT CAST(payload AS text) FROM outbox_event
                WHERE seq > :after AND (:all OR booked_by = :owner)
                ORDER BY seq LIMIT :limit
                """, String.class)
                .setParameter("after", afterSeq).setParameter("all", all).setParameter("owner", caller.subject())
                .setParameter("limit", limit + 1).getResultList();
        boolean more = payloads.size() > limit;
        List<JsonNode> events = payloads.stream().limit(limit).map(this::parse).toList();
        return new Slice(events, more);
    }

    /** As a tree, so times keep the offset they were written with. */
    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event is not readable", e);
        }
    }
}
