package ca.bim.clinic.gateway.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * The address of the caller a rate limit is about. That is the TCP peer, unless the peer is a configured trusted
 * proxy: then {@code X-Forwarded-For} is read from the right (the hop our own proxy appended) and the first address
 * that is not itself a trusted proxy is the caller. Whatever a caller writes further left is never believed.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[A-Za-z0-9]+)?");

    private final List<Cidr> trusted;

    @Inject
    ClientAddress(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Cidr.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    public String of(HttpServerRequest request) {
        return resolve(request.remoteAddress().hostAddress(), request.headers().getAll("X-Forwarded-For"));
    }

    /** The caller's address given the TCP peer and every X-Forwarded-For header line, in arrival order. */
    String resolve(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String caller = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // Garbage where a trusted proxy should have written an address: fall back to the last good hop.
                return caller;
            }
            caller = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return caller;
            }
        }
        return caller;
    }

    private boolean isTrusted(String address) {
        return literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, never a DNS lookup; a port (1.2.3.4:80, [::1]:80) is dropped. */
    static Optional<InetAddress> literal(String text) {
        String value = text;
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                return Optional.empty();
            }
            value = value.substring(1, end);
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** An address range; a bare address is a range of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "gateway.trusted-proxies: not an IP address or CIDR range: " + text)).getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("gateway.trusted-proxies: bad prefix length in " + text);
                }
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
