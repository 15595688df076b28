package ca.bim.clinic.booking.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/** The production rules (no loopback exception), with a fixed resolver so no test depends on real DNS. */
class WebhookUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "partner.example.com", "93.184.216.34",
            "localhost", "127.0.0.1",
            "internal.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "v6.example.com", "2606:4700::6810:84e5",
            "mapped.example.com", "::ffff:192.168.0.1");

    private static final WebhookUrlPolicy.Resolver RESOLVER = host -> {
        String address = DNS.get(host);
        if (address == null && !host.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] { InetAddress.getByName(address == null ? host : address) };
    };

    private final WebhookUrlPolicy production = new WebhookUrlPolicy(false, RESOLVER);

    private final WebhookUrlPolicy development = new WebhookUrlPolicy(true, RESOLVER);

    @ParameterizedTest
    @ValueSource(strings = { "https://partner.example.com/hooks/clinic", "https://93.184.216.34:8443/hook",
            "https://v6.example.com/hook", "https://[2606:4700::6810:84e5]/hook" })
    void httpsToPublicAddressesIsAccepted(String url) {
        assertThat(production.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://partner.example.com/hook", "ftp://partner.example.com/hook",
            "https://localhost/hook", "https://127.0.0.1/hook", "http://127.0.0.1:8080/hook", "https://[::1]/hook",
            "https://internal.example.com/hook", "https://10.0.0.1/hook", "https://172.16.5.4/hook",
            "https://192.168.1.1/hook", "https://169.254.169.254/latest/meta-data", "https://metadata.example.com/",
            "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://224.0.0.1/hook",
            "https://255.255.255.255/hook", "https://[fe80::1]/hook", "https://[fd00::1]/hook",
            "https://mapped.example.com/hook", "https://[::ffff:10.0.0.1]/hook", "https://unknown.invalid/hook",
            "https://user:secret@partner.example.com/hook", "not a url", "https:///nohost", "/relative/path" })
    void everythingElseIsRefusedInProduction(String url) {
        assertThat(production.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://localhost:9000/hook", "https://127.0.0.1/hook" })
    void developmentAlsoAcceptsLoopback(String url) {
        assertThat(development.refusal(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://10.0.0.1/hook", "http://169.254.169.254/", "http://partner.example.com/hook" })
    void developmentStillRefusesInternalTargetsAndPlainHttpToPublicHosts(String url) {
        assertThat(development.refusal(url)).isPresent();
    }
}
