package ca.bim.clinic.client.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A place in the standing feed: the writing transaction's id and the row's sequence number. Its text form is opaque
 * to readers; it is fixed-width hex, so comparing two positions as strings orders them like the feed does.
 */
public record FeedPosition(long xid, long seq) implements Comparable<FeedPosition> {

    public static final FeedPosition START = new FeedPosition(0, 0);

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{16}");

    /** Empty when the text is not a position this service wrote. */
    public static Optional<FeedPosition> parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        long seq = Long.parseUnsignedLong(text.substring(17), 16);
        if (seq < 0) {
            return Optional.empty();
        }
        return Optional.of(new FeedPosition(Long.parseUnsignedLong(text.substring(0, 16), 16), seq));
    }

    @Override
    public String toString() {
        return String.format("%016x-%016x", xid, seq);
    }

    @Override
    public int compareTo(FeedPosition other) {
        int byXid = Long.compareUnsigned(xid, other.xid);
        return byXid != 0 ? byXid : Long.compare(seq, other.seq);
    }
}
