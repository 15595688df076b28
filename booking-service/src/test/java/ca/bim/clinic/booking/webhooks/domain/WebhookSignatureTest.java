package ca.bim.clinic.booking.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;


/** Signatures against the Standard Webhooks specification's published example (plain unit test). */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signatureMatchesTheSpecificationTestVector() {
        assertThat(WebhookSignature.signOne(SECRET, MSG_ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(WebhookSignature.verify(SECRET, MSG_ID, TIMESTAMP, BODY, EXPECTED)).isTrue();
    }

    @Test
    void anyChangeToIdTimestampOrBodyBreaksTheSignature() {
        assertThat(WebhookSignature.verify(SECRET, "msg_other", TIMESTAMP, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, MSG_ID, TIMESTAMP + 1, BODY, EXPECTED)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, MSG_ID, TIMESTAMP, "{\"test\": 2432232315}", EXPECTED)).isFalse();
    }

    @Test
    void duringRotationTheHeaderCarriesOneSignaturePerSecretAndEitherVerifies() {
        String next = WebhookSignature.newSecret();
        String header = WebhookSignature.sign(List.of(next, SECRET), MSG_ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(header).endsWith(" " + EXPECTED);
        assertThat(WebhookSignature.verify(SECRET, MSG_ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(next, MSG_ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), MSG_ID, TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void newSecretsAreWhsecAndThirtyTwoBytesOfStandardBase64() {
        String secret = WebhookSignature.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(WebhookSignature.key(secret)).hasSize(32);
    }
}
