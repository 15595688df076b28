package ca.bim.clinic.common.error;

import java.net.URI;

import io.quarkiverse.resteasy.problem.InstanceUtils;

/**
 * Control characters (U+0000-U+001F, U+007F) have no business in a path or a query parameter: PostgreSQL refuses NUL
 * in text, and logs and problem documents must never carry them raw. Pure functions, unit-tested.
 */
public final class ControlCharacters {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ControlCharacters() {
    }

    public static boolean isControl(char c) {
        return c < 0x20 || c == 0x7F;
    }

    public static boolean containsAny(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The value with every control character written as its percent-encoding (NUL becomes {@code %00}). */
    public static String escape(String value) {
        if (!containsAny(value)) {
            return value;
        }
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * A request path as a problem's relative {@code instance}, control characters escaped. Built the way
     * quarkus-resteasy-problem builds its own instances (it percent-decodes {@code instance} once when writing the
     * JSON), so the answer shows {@code %00} and never the raw character.
     */
    public static URI toInstance(String path) {
        return InstanceUtils.pathToInstance(escape(path));
    }
}
