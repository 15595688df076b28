package ca.bim.clinic.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address a rate limit is about, with and without trusted proxies in front. */
class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void withoutTrustedProxiesForwardedForIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.resolve("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(behindProxies.resolve("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void trustedPeerGivesTheRightMostAddressThatIsNotAProxy() {
        // The caller wrote 1.1.1.1 itself; its real address is what the first proxy appended.
        assertThat(behindProxies.resolve("10.0.0.5", List.of("1.1.1.1, 203.0.113.9, 10.4.4.4")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void severalHeaderLinesAreOneListInOrder() {
        assertThat(behindProxies.resolve("192.168.1.7", List.of("1.1.1.1", "203.0.113.9,10.9.9.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void onlyProxiesInTheChainGivesTheLeftMostOne() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("10.3.3.3, 10.2.2.2"))).isEqualTo("10.3.3.3");
    }

    @Test
    void ipv6PeersAndHopsAreMatchedByRange() {
        assertThat(behindProxies.resolve("fd12::1", List.of("2001:db8::42"))).isEqualTo("2001:db8:0:0:0:0:0:42");
        assertThat(behindProxies.resolve("2001:db8::1", List.of("203.0.113.9"))).isEqualTo("2001:db8::1");
    }

    @Test
    void hopsWithPortsAreUnderstood() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.9:52311"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("[2001:db8::42]:443"))).isEqualTo("2001:db8:0:0:0:0:0:42");
    }

    @Test
    void garbageStopsTheWalkAtTheLastGoodHop() {
        assertThat(behindProxies.resolve("10.0.0.5", List.of("203.0.113.9, evil.example, 10.4.4.4")))
                .isEqualTo("10.4.4.4");
        assertThat(behindProxies.resolve("10.0.0.5", List.of("unknown"))).isEqualTo("10.0.0.5");
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertThat(ClientAddress.literal("localhost")).isEmpty();
        assertThat(ClientAddress.literal("example.com")).isEmpty();
    }

    @Test
    void badConfigurationFailsLoudly() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
