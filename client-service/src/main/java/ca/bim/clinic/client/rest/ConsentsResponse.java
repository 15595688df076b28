package ca.bim.clinic.client.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import ca.bim.clinic.client.domain.ConsentDecision;
import ca.bim.clinic.client.domain.ConsentEvent;
import ca.bim.clinic.client.domain.ConsentType;

/** The current state of every consent, derived from the history, and the history itself. */
public record ConsentsResponse(UUID clientId, List<State> current, List<Event> history) {

    /** `granted` is false for a consent never given or withdrawn since; `since` is null when never decided. */
    @Schema(name = "ConsentState")
    public record State(ConsentType consent, boolean granted,
            @Schema(description = "When the current decision was recorded; absent when never decided") Instant since,
            @Schema(description = "Who recorded the current decision") String recordedBy) {
    }

    @Schema(name = "ConsentHistoryEntry")
    public record Event(ConsentType consent, ConsentDecision decision, Instant occurredAt, String actor,
            String actorRole) {
    }

    static ConsentsResponse from(UUID clientId, List<ConsentEvent> history) {
        List<State> current = new ArrayList<>();
        for (ConsentType type : ConsentType.values()) {
            Optional<ConsentEvent> latest = history.stream().filter(e -> e.consent == type)
                    .reduce((first, second) -> second);
            current.add(latest.map(e -> new State(type, e.decision == ConsentDecision.granted, e.occurredAt, e.actor))
                    .orElse(new State(type, false, null, null)));
        }
        List<Event> events = history.stream()
                .map(e -> new Event(e.consent, e.decision, e.occurredAt, e.actor, e.actorRole)).toList();
        return new ConsentsResponse(clientId, current, events);
    }
}
