package ca.bim.clinic.booking.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.IdempotencyRecord;
import ca.bim.clinic.booking.domain.IdempotencyRecord.Target;
import ca.bim.clinic.booking.repository.IdempotencyRecordRepository;
import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.common.security.Caller;

/**
 * The Idempotency-Key of every POST that creates something (bookings, holds, series, waitlist entries): one key per
 * caller, claimed in the creating transaction before anything is checked, so a retry (or a concurrent duplicate, once
 * the first one commits) gets what the first request created, and the key used for a different request is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final IdempotencyRecordRepository records;

    IdempotencyKeys(IdempotencyRecordRepository records) {
        this.records = records;
    }

    /**
     * Claims the caller's key for {@code request} (a canonical text of what makes two requests the same) and the row
     * {@code rowId} the caller is about to write. Empty when there is no key or it is claimed now; otherwise the id
     * of what an earlier request with the key created. A key used for a different request, or for another kind of
     * thing, is a 422. Runs in the caller's transaction; a concurrent
     * claim of the same key waits until the first transaction ends.
     */
    Optional<UUID> claim(Caller caller, String key, Target target, String request, UUID rowId, Instant now,
            String what) {
        if (key == null) {
            return Optional.empty();
        }
        var id = new IdempotencyRecord.Key(caller.subject(), key);
        String fingerprint = sha256(request);
        if (records.claim(id, fingerprint, target, rowId, now)) {
            return Optional.empty();
        }
        IdempotencyRecord record = records.findById(id);
        UUID earlier = record.created(target);
        if (!record.requestHash.equals(fingerprint) || earlier == null) {
            throw DomainException.unprocessable("This Idempotency-Key was already used for a different " + what
                    + " request");
        }
        return Optional.of(earlier);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
