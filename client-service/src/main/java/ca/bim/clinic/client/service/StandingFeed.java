package ca.bim.clinic.client.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ca.bim.clinic.client.domain.FeedPosition;
import ca.bim.clinic.client.domain.StandingChange;
import ca.bim.clinic.client.repository.StandingOutboxRepository;

/** Reads the standing feed for other services (booking-service keeps its own view of every client's standing). */
@ApplicationScoped
public class StandingFeed {

    @Inject StandingOutboxRepository outbox;

    /** A client's standing at a position of the feed. */
    public record Standing(FeedPosition position, StandingChange row) {
    }

    /** A page of the feed and the cursor to continue from (the given one when the page is empty). */
    public record Page(List<Standing> items, FeedPosition next) {
    }

    @Transactional
    public Page after(FeedPosition after, int limit) {
        List<Standing> items = outbox.after(after.xid(), after.seq(), limit).stream()
                .map(row -> new Standing(new FeedPosition(row.xid(), row.seq()), row))
                .toList();
        return new Page(items, items.isEmpty() ? after : items.getLast().position());
    }

    /** The client's newest standing; empty for an unknown client. */
    @Transactional
    public Optional<Standing> of(UUID clientId) {
        return outbox.latest(clientId).map(row -> new Standing(new FeedPosition(row.xid(), row.seq()), row));
    }
}
