package ca.bim.clinic.booking.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs events may be sent to (SSRF guard): https to hosts whose every address is public. With
 * {@code allowLoopbackHttp} (development, tests) http or https to loopback addresses is accepted as well; private,
 * link-local (cloud metadata), multicast and reserved addresses never are. Checked at registration and again
 * before each delivery, since DNS answers can change.
 */
public final class WebhookUrlPolicy {

    /** Resolves a host name; replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    public WebhookUrlPolicy(boolean allowLoopbackHttp) {
        this(allowLoopbackHttp, InetAddress::getAllByName);
    }

    public WebhookUrlPolicy(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that cannot be resolved");
        }
        if (addresses.length == 0) {
            return Optional.of("names a host that cannot be resolved");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                continue;
            }
            allLoopback = false;
            if (!isPublic(address)) {
                return Optional.of("must point to a public address (" + address.getHostAddress() + " is not)");
            }
        }
        if (allLoopback) {
            return allowLoopbackHttp ? Optional.empty()
                    : Optional.of("must point to a public address (loopback is not)");
        }
        if (!scheme.equals("https")) {
            return Optional.of("must be an https URL");
        }
        return Optional.empty();
    }

    /** Globally routable unicast, per the IANA special-purpose registries (the ranges that matter for SSRF). */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) { // fec0::/10 old site-local
                return false;
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 10; i++) {
                zeroPrefix &= b[i] == 0;
            }
            if (zeroPrefix && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] == 0 && b[11] == 0))) {
                // IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d): judge the embedded address
                return isPublicV4(new byte[] { b[12], b[13], b[14], b[15] });
            }
            if (first == 0x00 || first == 0xff) {
                return false;
            }
            return first >= 0x20 && first <= 0x3f; // 2000::/3 is the global unicast space
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // this network
                || a0 == 10 // private
                || a0 == 127 // loopback
                || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
                || (a0 == 169 && a1 == 254) // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31) // private
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2) // documentation
                || (a0 == 192 && a1 == 168) // private
                || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100) // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
                || a0 >= 224); // multicast, reserved, broadcast
    }
}
