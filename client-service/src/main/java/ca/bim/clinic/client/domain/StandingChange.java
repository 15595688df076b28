package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the standing feed: a client's full standing after a committed change, at its place in the feed. */
public record StandingChange(long xid, long seq, UUID clientId, String subject, String status, List<String> consents,
        Instant changedAt) {
}
