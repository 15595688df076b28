package ca.bim.clinic.booking.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing of webhook deliveries: {@code Webhook-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the
 * subscription's secret, where timestamp is the {@code Webhook-Timestamp} header (Unix seconds). Receivers
 * recompute it, compare in constant time and reject old timestamps to stop replays.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    public static final String SCHEME = "v1=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** The header value for this timestamp and body. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return SCHEME + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a received header value. */
    public static boolean verify(String secret, long timestamp, String body, String header) {
        return header != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }
}
