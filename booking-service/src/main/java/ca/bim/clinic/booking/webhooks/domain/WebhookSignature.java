package ca.bim.clinic.booking.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures as the Standard Webhooks specification defines them, so a partner's off-the-shelf verifier
 * accepts ours: HMAC-SHA256 over {@code <webhook-id>.<webhook-timestamp>.<body>}, keyed with the base64-decoded
 * part of the secret after {@code whsec_}, sent as {@code webhook-signature: v1,<base64 digest>}. While a rotated
 * secret is still honoured the header carries one signature per secret, separated by spaces; a receiver accepts the
 * delivery if any of them verifies.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in standard base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The header value: one {@code v1,<signature>} per secret, in the order given, space separated. */
    public static String sign(List<String> secrets, String msgId, long timestamp, String body) {
        return secrets.stream().map(secret -> signOne(secret, msgId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    public static String signOne(String secret, String msgId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((msgId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether any signature in the header verifies with this secret (constant-time comparison of each). */
    public static boolean verify(String secret, String msgId, long timestamp, String body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = signOne(secret, msgId, timestamp, body).getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String candidate : header.trim().split(" +")) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8));
        }
        return match;
    }

    /** The key bytes: base64 after the prefix (secrets issued before the standard scheme used the URL alphabet). */
    static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return Base64.getUrlDecoder().decode(encoded);
        }
    }
}
