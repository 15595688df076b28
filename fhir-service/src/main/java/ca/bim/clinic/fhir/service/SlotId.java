package ca.bim.clinic.fhir.service;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a free slot, carrying everything needed to book it: appointment type and location (the last 12 hex
 * digits of their ids, resolved against booking-service's catalogue), practitioner (base 36) and start minute
 * (base 36). Codes and whole UUIDs would not fit FHIR's 64-character ids; this fits in at most 58 and decodes without
 * any stored state, so the id is stable for as long as the slot exists.
 */
public record SlotId(String typeKey, String locationKey, UUID practitionerId, Instant start) {

    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{12})-([0-9a-f]{12})-([0-9a-z]{1,25})-([0-9a-z]{1,10})");

    public static SlotId of(UUID typeId, UUID locationId, UUID practitionerId, Instant start) {
        return new SlotId(key(typeId), key(locationId), practitionerId, start);
    }

    /** The part of a catalogue id that a slot id carries. */
    public static String key(UUID id) {
        return id.toString().substring(24);
    }

    public boolean matchesType(UUID typeId) {
        return key(typeId).equals(typeKey);
    }

    public boolean matchesLocation(UUID locationId) {
        return key(locationId).equals(locationKey);
    }

    public String value() {
        BigInteger bits = new BigInteger(1, ByteBuffer.allocate(16).putLong(practitionerId.getMostSignificantBits())
                .putLong(practitionerId.getLeastSignificantBits()).array());
        return typeKey + "-" + locationKey + "-" + bits.toString(36) + "-"
                + Long.toString(start.getEpochSecond() / 60, 36);
    }

    public static Optional<SlotId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        BigInteger bits = new BigInteger(m.group(3), 36);
        long minutes;
        try {
            minutes = Long.parseLong(m.group(4), 36);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (bits.bitLength() > 128) {
            return Optional.empty();
        }
        UUID practitioner = new UUID(bits.shiftRight(64).longValue(), bits.longValue());
        return Optional.of(new SlotId(m.group(1), m.group(2), practitioner, Instant.ofEpochSecond(minutes * 60)));
    }
}
