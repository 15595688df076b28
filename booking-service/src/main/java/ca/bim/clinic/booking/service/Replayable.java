package ca.bim.clinic.booking.service;

/** What a POST created, and whether it was replayed for a retried Idempotency-Key instead of created now. */
public record Replayable<T>(T created, boolean replayed) {
}
