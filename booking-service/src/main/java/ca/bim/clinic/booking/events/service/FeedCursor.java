package ca.bim.clinic.booking.events.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the event feed: the writing transaction's id and the event's sequence number. Clients see it only
 * as an opaque string (base64url), so its content can change without a contract change.
 */
public record FeedCursor(long txId, long seq) implements Comparable<FeedCursor> {

    public static final FeedCursor START = new FeedCursor(0, 0);

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("1." + txId + "." + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty when the text is not a cursor this service issued. */
    public static Optional<FeedCursor> decode(String text) {
        if (text == null || text.length() > 80) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length != 3 || !parts[0].equals("1")) {
                return Optional.empty();
            }
            long tx = Long.parseLong(parts[1]);
            long seq = Long.parseLong(parts[2]);
            return tx < 0 || seq < 0 ? Optional.empty() : Optional.of(new FeedCursor(tx, seq));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(FeedCursor other) {
        int byTx = Long.compare(txId, other.txId);
        return byTx != 0 ? byTx : Long.compare(seq, other.seq);
    }
}
