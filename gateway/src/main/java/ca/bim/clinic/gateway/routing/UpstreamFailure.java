package ca.bim.clinic.gateway.routing;

import org.jboss.logging.Logger;

/** How a failed upstream call is reported to the caller. */
public record UpstreamFailure(int status, String title, String detail, long retryAfterSeconds) {

    private static final Logger LOG = Logger.getLogger(UpstreamFailure.class);

    public static UpstreamFailure of(Upstream upstream, Throwable failure) {
        String name = upstream.name();
        if (Upstream.isBreakerOpen(failure)) {
            LOG.debugf("Circuit open for %s", name);
            return new UpstreamFailure(503, "Service Unavailable",
                    "The " + name + " service is failing; calls are paused for a moment",
                    upstream.retryAfterSeconds());
        }
        if (Upstream.isTimeout(failure)) {
            LOG.warnf("Upstream %s did not answer within %d ms", name, upstream.timeoutMillis());
            return new UpstreamFailure(504, "Gateway Timeout",
                    "The " + name + " service did not answer in time", 0);
        }
        if (failure instanceof Upstream.UpstreamUnavailableException unavailable) {
            LOG.warnf("Upstream %s answered %d", name, unavailable.status());
        } else {
            LOG.warnf("Upstream %s unreachable: %s", name, failure.toString());
        }
        return new UpstreamFailure(503, "Service Unavailable", "The " + name + " service is unavailable", 0);
    }
}
