package ca.bim.clinic.gateway.composition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import ca.bim.clinic.gateway.config.GatewayConfig;
import ca.bim.clinic.gateway.edge.Problems;
import ca.bim.clinic.gateway.edge.RequestIds;
import ca.bim.clinic.gateway.routing.Upstream;
import ca.bim.clinic.gateway.routing.UpstreamFailure;
import ca.bim.clinic.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/injuries/{slug}/care-options}: what the clinic offers for one injury, in one call. The injury
 * comes from injury-service; the recommended appointment types (price, duration) and the next free slots at each
 * location from booking-service. Booking-service being unavailable degrades the answer instead of failing it.
 * Where the catalogue recommends a course of treatment, each type also offers it as a recurring series (see
 * {@link #seriesOffer}).
 */
@ApplicationScoped
public class CareOptionsRoute {

    private static final Logger LOG = Logger.getLogger(CareOptionsRoute.class);

    /** Before the injury proxy route (100) on the same prefix. */
    static final int ORDER = 0;

    private final Upstreams upstreams;
    private final GatewayConfig.CareOptions config;
    private final Clock clock;

    CareOptionsRoute(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config.careOptions();
        this.clock = Clock.systemUTC();
    }

    void register(@Observes Router router) {
        router.get("/api/v1/injuries/:slug/care-options").order(ORDER).handler(this::handle);
    }

    static final int MAX_SLUG = 200;

    private void handle(RoutingContext ctx) {
        String slug = ctx.pathParam("slug");
        if (slug.length() > MAX_SLUG) {
            // The contract bounds the slug; no entry has one this long, so the upstream need not be asked.
            Problems.send(ctx, 404, "Not Found", "No published injury with this slug");
            return;
        }
        String requestId = RequestIds.of(ctx);
        Upstream injuries = upstreams.get("injury");
        fetch(injuries, "/api/v1/injuries/" + encode(slug), requestId).onComplete(injury -> {
            if (injury.failed()) {
                if (injury.cause() instanceof NotFound) {
                    Problems.send(ctx, 404, "Not Found", "No published injury with slug " + slug);
                } else {
                    UpstreamFailure failure = UpstreamFailure.of(injuries, injury.cause());
                    Problems.send(ctx, failure.status(), failure.title(), failure.detail());
                }
                return;
            }
            bookingPart(injury.result(), requestId).onComplete(options -> ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(options.result().encode()));
        });
    }

    /** Never fails: an unavailable booking-service yields the injury part with availability marked unavailable. */
    private Future<JsonObject> bookingPart(JsonObject injury, String requestId) {
        Upstream booking = upstreams.get("booking");
        List<String> codes = codes(injury.getJsonArray("recommendedAppointmentTypes"));
        JsonObject course = course(injury);
        LocalDate from = LocalDate.now(clock.withZone(config.zone()));
        LocalDate to = from.plusDays(config.days() - 1L);
        JsonObject result = new JsonObject()
                .put("injury", new JsonObject().put("slug", injury.getString("slug"))
                        .put("name", injury.getString("name")).put("summary", injury.getString("summary")));
        JsonObject availability = new JsonObject().put("from", from.toString()).put("to", to.toString());
        result.put("availability", availability);

        List<Future<JsonObject>> types = new ArrayList<>();
        for (String code : codes) {
            types.add(fetch(booking, "/api/v1/appointment-types/" + encode(code), requestId)
                    .recover(failure -> failure instanceof NotFound
                            ? Future.succeededFuture(null) // the catalogue names a type booking does not offer
                            : Future.failedFuture(failure)));
        }
        Future<JsonArray> locations = fetch(booking, "/api/v1/locations?size=100", requestId)
                .map(page -> page.getJsonArray("items", new JsonArray()));

        return Future.all(Future.all(types), locations).compose(done -> {
            JsonArray locationList = locations.result();
            List<Future<JsonObject>> entries = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                JsonObject type = types.get(i).result();
                if (type == null) {
                    LOG.warnf("Injury %s recommends unknown appointment type %s", injury.getString("slug"),
                            codes.get(i));
                    continue;
                }
                entries.add(typeWithSlots(booking, type, locationList, from, to, course, requestId));
            }
            return Future.all(entries).map(all -> {
                JsonArray out = new JsonArray();
                entries.forEach(entry -> out.add(entry.result()));
                availability.put("status", "available");
                return result.put("appointmentTypes", out);
            });
        }).recover(failure -> {
            LOG.warnf("Care options for %s without availability: %s", injury.getString("slug"), failure.toString());
            JsonArray out = new JsonArray();
            codes.forEach(code -> out.add(withSeries(new JsonObject().put("code", code), course, new JsonArray())));
            availability.put("status", "unavailable")
                    .put("detail", "Appointment types and availability are temporarily unavailable");
            return Future.succeededFuture(result.put("appointmentTypes", out));
        });
    }

    private Future<JsonObject> typeWithSlots(Upstream booking, JsonObject type, JsonArray locations, LocalDate from,
            LocalDate to, JsonObject course, String requestId) {
        String code = type.getString("code");
        List<Future<JsonObject>> perLocation = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            JsonObject location = locations.getJsonObject(i);
            String uri = "/api/v1/availability?appointmentType=" + encode(code) + "&location="
                    + encode(location.getString("code")) + "&from=" + from + "&to=" + to;
            perLocation.add(fetch(booking, uri, requestId).map(page -> new JsonObject()
                    .put("locationCode", location.getString("code"))
                    .put("locationName", location.getString("name"))
                    .put("nextSlots", nextSlots(page.getJsonArray("items", new JsonArray())))));
        }
        return Future.all(perLocation).map(all -> {
            JsonArray out = new JsonArray();
            perLocation.forEach(location -> out.add(location.result()));
            JsonObject entry = new JsonObject().put("code", code).put("name", type.getString("name"))
                    .put("durationMinutes", type.getValue("durationMinutes"))
                    .put("priceCad", type.getValue("priceCad"))
                    .put("currency", type.getString("currency"))
                    .put("locations", out);
            return withSeries(entry, course, out);
        });
    }

    /**
     * The injury's recommended course as a series rule ({@code recurrence}, {@code count}), or null when the
     * catalogue recommends none (or something booking's series API would refuse: 2 to 12 sessions, weekly or every
     * two weeks).
     */
    static JsonObject course(JsonObject injury) {
        JsonObject course = injury.getValue("recommendedCourse") instanceof JsonObject c ? c : null;
        if (course == null) {
            return null;
        }
        Object sessions = course.getValue("sessions");
        Object recurrence = course.getValue("recurrence");
        if (!(sessions instanceof Integer count) || count < 2 || count > 12
                || !("weekly".equals(recurrence) || "every-two-weeks".equals(recurrence))) {
            LOG.warnf("Injury %s recommends a course the series API cannot book: %s", injury.getString("slug"),
                    course.encode());
            return null;
        }
        return new JsonObject().put("recurrence", recurrence).put("count", count);
    }

    /**
     * Adds the {@code series} offer to a type's entry when there is a course: the rule, the count and, for each
     * location with a free slot in the window, its first free start and the exact body of
     * {@code POST /api/v1/appointment-series} starting there (with the slot's practitioner; add clientId unless a
     * client books for themselves). Only the first week is known to be free: booking-service answers a later week
     * that is taken with 409 and an alternative start that day.
     */
    private static JsonObject withSeries(JsonObject entry, JsonObject course, JsonArray locations) {
        if (course == null) {
            return entry;
        }
        JsonArray starts = new JsonArray();
        for (int i = 0; i < locations.size(); i++) {
            JsonObject location = locations.getJsonObject(i);
            JsonArray slots = location.getJsonArray("nextSlots");
            if (slots.isEmpty()) {
                continue;
            }
            JsonObject first = slots.getJsonObject(0);
            starts.add(new JsonObject().put("locationCode", location.getString("locationCode"))
                    .put("firstStart", first.getString("start"))
                    .put("practitionerId", first.getString("practitionerId"))
                    .put("practitionerName", first.getString("practitionerName"))
                    .put("request", new JsonObject().put("appointmentType", entry.getString("code"))
                            .put("practitionerId", first.getString("practitionerId"))
                            .put("locationCode", location.getString("locationCode"))
                            .put("firstStart", first.getString("start"))
                            .put("recurrence", course.getString("recurrence"))
                            .put("count", course.getInteger("count"))));
        }
        return entry.put("series", course.copy().put("locations", starts));
    }

    private JsonArray nextSlots(JsonArray items) {
        List<JsonObject> slots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            slots.add(items.getJsonObject(i));
        }
        slots.sort(Comparator.comparing((JsonObject slot) -> slot.getString("start", "")));
        JsonArray out = new JsonArray();
        slots.stream().limit(config.slotsPerLocation()).forEach(slot -> out.add(new JsonObject()
                .put("start", slot.getString("start")).put("end", slot.getString("end"))
                .put("practitionerId", slot.getString("practitionerId"))
                .put("practitionerName", slot.getString("practitionerName"))));
        return out;
    }

    /** GET as the edge itself (the public reads need no token), through the upstream's circuit breaker. */
    private static Future<JsonObject> fetch(Upstream upstream, String uri, String requestId) {
        return upstream.call(() -> upstream.get(uri)
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .send()
                .compose(response -> switch (response.statusCode()) {
                    case 200 -> Future.succeededFuture(response.bodyAsJsonObject());
                    case 404 -> Future.failedFuture(new NotFound());
                    case 502, 503, 504 -> Future.failedFuture(
                            new Upstream.UpstreamUnavailableException(response.statusCode()));
                    default -> Future.failedFuture(new IllegalStateException(
                            upstream.name() + " answered " + response.statusCode() + " to GET " + uri));
                }));
    }

    private static List<String> codes(JsonArray recommended) {
        List<String> codes = new ArrayList<>();
        if (recommended != null) {
            for (Object code : recommended) {
                if (code instanceof String s && !codes.contains(s)) {
                    codes.add(s);
                }
            }
        }
        return codes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The upstream has no such resource; not an outage. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
