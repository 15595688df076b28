// Load program of throughput.sh (a script, not a test): `java Throughput.java <gateway> <tokenUrl> <outFile>`.
// Everything goes through the gateway with real Keycloak tokens: the front desk (fran) creates client records,
// collects distinct free slots from the availability API and books them with concurrent workers; an admin (andrea)
// then watches the pending deliveries to client-service drain. CPU of the stack's processes is read from /proc
// around the measured phase. Results go to <outFile> as key=value lines for the script.
// Settings (environment): BENCH_CLIENTS, BENCH_WORKERS, BENCH_WARMUP (slots booked and cancelled per warm-up round),
// BENCH_JIT_QUIET, BENCH_WARM_MAX_SECONDS, BENCH_JIT_GROUPS (see warmUp), BENCH_BOOKINGS (measured, at most),
// BENCH_KEEP_BOOKINGS (set: the booked appointments are not cancelled at the end), BENCH_PGRPS ("name=pgid,..."; every process of that process group counts), CLK_TCK.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Throughput {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");
    static final ZoneId CLINIC = ZoneId.of("America/Vancouver");

    record Slot(String type, String practitioner, String location, String start, Instant from, Instant blockedUntil) {
        String body(String clientId) {
            return "{\"appointmentType\":\"" + type + "\",\"practitionerId\":\"" + practitioner + "\",\"locationCode\":\""
                    + location + "\",\"start\":\"" + start + "\",\"clientId\":\"" + clientId + "\"}";
        }
    }

    static String gateway;
    static String tokenUrl;

    public static void main(String[] args) throws Exception {
        gateway = args[0];
        tokenUrl = args[1];
        Path out = Path.of(args[2]);
        int clients = env("BENCH_CLIENTS", 200);
        int workers = env("BENCH_WORKERS", 16);
        int warmup = env("BENCH_WARMUP", 300);
        int measured = env("BENCH_BOOKINGS", 6000);
        long tck = env("CLK_TCK", 100);
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String entry : System.getenv().getOrDefault("BENCH_PGRPS", "").split(",")) {
            if (entry.contains("=")) {
                groups.put(entry.substring(0, entry.indexOf('=')), Long.parseLong(entry.substring(entry.indexOf('=') + 1)));
            }
        }
        var results = new LinkedHashMap<String, String>();

        var desk = new Token("fran");
        var admin = new Token("andrea");

        // Known clients, created the way the front desk does it.
        List<String> clientIds = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int i = 0; i < clients; i++) {
            String body = "{\"firstName\":\"Bench\",\"lastName\":\"Runner-" + run + "-" + i + "\",\"email\":\"bench-" + run
                    + "-" + i + "@example.org\",\"phone\":\"+1 604 555 " + String.format("%04d", i % 10000)
                    + "\",\"preferredLocation\":\"richmond\"}";
            var response = send("POST", "/api/v1/clients", body, desk.get(), null);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("creating a client answered " + response.statusCode() + ": " + response.body());
            }
            clientIds.add(idOf(response));
        }
        results.put("clients", Integer.toString(clientIds.size()));

        List<Slot> slots = collectSlots(desk, warmup + measured);
        results.put("slots", Integer.toString(slots.size()));
        if (slots.size() < warmup + 16) {
            throw new IllegalStateException("only " + slots.size() + " distinct free slots; not enough to measure");
        }
        List<Slot> warm = slots.subList(0, warmup);
        List<Slot> timed = slots.subList(warmup, Math.min(slots.size(), warmup + measured));

        var booked = new ConcurrentLinkedQueue<String>();
        warmUp(warm, clientIds, workers, desk, groups, results);

        Map<String, Long> cpuBefore = cpu(groups);
        long[] pgBefore = postgresCpu();
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var latencies = new ConcurrentLinkedQueue<Long>();
        long started = System.nanoTime();
        book(timed, clientIds, workers, desk, statuses, latencies, booked);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> cpuAfter = cpu(groups);
        long[] pgAfter = postgresCpu();

        int created = statuses.getOrDefault(201, new AtomicInteger()).get();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        results.put("workers", Integer.toString(workers));
        results.put("attempted", Integer.toString(timed.size()));
        results.put("booked", Integer.toString(created));
        results.put("seconds", String.format("%.2f", seconds));
        results.put("bookings_per_s", String.format("%.1f", created / seconds));
        results.put("p50_ms", String.format("%.1f", percentile(sorted, 0.50) / 1e6));
        results.put("p95_ms", String.format("%.1f", percentile(sorted, 0.95) / 1e6));
        var failures = new TreeMap<Integer, Integer>();
        statuses.forEach((status, count) -> { if (status != 201) failures.put(status, count.get()); });
        results.put("non_201", failures.isEmpty() ? "none" : failures.toString().replaceAll("[{}]", "").replace("=", ": "));
        for (var group : groups.keySet()) {
            long ticks = cpuAfter.getOrDefault(group, 0L) - cpuBefore.getOrDefault(group, 0L);
            results.put("cpu_ms_per_booking." + group, perBooking(ticks, tck, created));
        }
        results.put("cpu_ms_per_booking.postgresql", perBooking(pgAfter[0] - pgBefore[0], tck, created));

        // Drain: every booking queues an event for client-service; time until none is pending.
        long drainStart = System.nanoTime();
        long pendingAtEnd = pending(admin);
        long pending = pendingAtEnd;
        while (pending > 0 && System.nanoTime() - drainStart < 300e9) {
            Thread.sleep(100);
            pending = pending(admin);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        results.put("pending_after_load", Long.toString(pendingAtEnd));
        results.put("pending_left", Long.toString(pending));
        results.put("drain_seconds", String.format("%.2f", drainSeconds));
        // Everything queued by the measured phase, over the time from its start until the queue was empty.
        results.put("events_per_s_overall", String.format("%.0f", created / (seconds + drainSeconds)));
        results.put("events_per_s_backlog", pendingAtEnd == 0 ? "0"
                : String.format("%.0f", (pendingAtEnd - pending) / drainSeconds));

        // Give the slots back (cancelled appointments no longer block the exclusion constraint), so the next run
        // finds free slots in the horizon again. Not measured.
        if (System.getenv("BENCH_KEEP_BOOKINGS") == null) {
            var ids = new ArrayList<>(booked);
            results.put("cancelled_after_run", cancel(ids, workers, desk) + " of " + ids.size());
        }

        var text = new StringBuilder();
        results.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(out, text);
        System.out.print(text);
    }

    /**
     * Books the warm-up slots and cancels them again, round after round, until the JIT compilers of the JVMs that
     * serve a booking (BENCH_JIT_GROUPS: gateway, booking-service, client-service) used under BENCH_JIT_QUIET % (10)
     * of their CPU in one round, or BENCH_WARM_MAX_SECONDS (300) have passed. A fixed number of warm-up bookings
     * measured the compilers instead of the bookings: in the first run after a start, C2 used 73-76 % of the
     * gateway's and client-service's CPU and 31 % of booking-service's over the measured phase (2026-12-01).
     */
    static void warmUp(List<Slot> warm, List<String> clientIds, int workers, Token desk, Map<String, Long> groups,
                       Map<String, String> results) throws Exception {
        int quietPercent = env("BENCH_JIT_QUIET", 10);
        long maxNanos = env("BENCH_WARM_MAX_SECONDS", 300) * 1_000_000_000L;
        var watched = new LinkedHashMap<String, Long>();
        String jitGroups = System.getenv().getOrDefault("BENCH_JIT_GROUPS", "gateway,booking-service,client-service");
        for (String name : jitGroups.split(",")) {
            if (groups.containsKey(name.trim())) watched.put(name.trim(), groups.get(name.trim()));
        }
        long started = System.nanoTime();
        int rounds = 0;
        var shares = new LinkedHashMap<String, Long>();
        boolean quiet;
        do {
            Map<String, long[]> before = jitAndCpu(watched);
            var ids = new ConcurrentLinkedQueue<String>();
            book(warm, clientIds, workers, desk, new ConcurrentHashMap<>(), new ConcurrentLinkedQueue<>(), ids);
            cancel(new ArrayList<>(ids), workers, desk);
            Map<String, long[]> after = jitAndCpu(watched);
            rounds++;
            quiet = true;
            for (String name : watched.keySet()) {
                long[] a = before.getOrDefault(name, new long[2]);
                long[] b = after.getOrDefault(name, new long[2]);
                long cpu = b[1] - a[1];
                long share = cpu == 0 ? 0 : Math.round(100.0 * (b[0] - a[0]) / cpu);
                shares.put(name, share);
                if (share >= quietPercent) quiet = false;
            }
            System.out.println("warm-up round " + rounds + ": compiler share of CPU " + shares);
        } while (!quiet && System.nanoTime() - started < maxNanos);
        results.put("warmup", Integer.toString(warm.size()));
        results.put("warmup_rounds", Integer.toString(rounds));
        results.put("warmup_seconds", String.format("%.0f", (System.nanoTime() - started) / 1e9));
        results.put("warmup_quiet", quiet ? "yes" : "no");
        results.put("warmup_last_round_jit", shares.toString().replaceAll("[{}]", "").replace("=", " ") + " %");
        results.put("jit_quiet_percent", Integer.toString(quietPercent));
    }

    /** Cancels the appointments through the API (late-cancellation fee waived, as a front desk may); how many did. */
    static int cancel(List<String> ids, int workers, Token desk) throws Exception {
        var cancelled = new AtomicInteger();
        inParallel(ids.size(), workers, i -> {
            var answer = send("POST", "/api/v1/appointments/" + ids.get(i) + "/cancel",
                    "{\"reason\":\"benchmark run over\",\"waiveLateCancellation\":true}", desk.get(), null);
            if (answer.statusCode() == 200) cancelled.incrementAndGet();
        });
        return cancelled.get();
    }

    interface Step {
        void run(int index) throws Exception;
    }

    /** Runs the step for indexes 0..count-1, each once, on {@code workers} virtual threads; returns when all ran. */
    static void inParallel(int count, int workers, Step step) throws Exception {
        var next = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        step.run(i);
                    }
                    return null;
                });
            }
        }
    }

    /** Per named process group: {ticks of its JIT compiler threads (C1, C2), ticks of all its threads}. */
    static Map<String, long[]> jitAndCpu(Map<String, Long> groups) throws Exception {
        var totals = new HashMap<String, long[]>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                long[] stat = stat(proc);
                if (stat == null) continue;
                for (var group : groups.entrySet()) {
                    if (stat[0] != group.getValue()) continue;
                    long[] total = totals.computeIfAbsent(group.getKey(), k -> new long[2]);
                    total[1] += stat[1];
                    try (var tasks = Files.list(proc.resolve("task"))) {
                        for (Path task : (Iterable<Path>) tasks::iterator) {
                            try {
                                String comm = Files.readString(task.resolve("comm")).strip();
                                long[] taskStat = stat(task);
                                boolean compiler = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler");
                                if (taskStat != null && compiler) {
                                    total[0] += taskStat[1];
                                }
                            } catch (Exception gone) {
                                // the thread ended between the two reads
                            }
                        }
                    } catch (Exception gone) {
                        // the process ended
                    }
                }
            }
        }
        return totals;
    }

    /** The id of a created resource: the last segment of its Location, else the first id of the body. */
    static String idOf(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return location.isEmpty() ? first(response.body(), "id") : location.substring(location.lastIndexOf('/') + 1);
    }

    static String perBooking(long ticks, long tck, int bookings) {
        return bookings == 0 ? "n/a" : String.format("%.2f", ticks * 1000.0 / tck / bookings);
    }

    /** Interval scheduling per practitioner (earliest blocked-until first) gives the most bookings that cannot clash. */
    static List<Slot> collectSlots(Token desk, int wanted) throws Exception {
        var types = new ArrayList<String>();
        var buffers = new HashMap<String, Integer>();
        var typesPage = send("GET", "/api/v1/appointment-types?size=100", null, desk.get(), null);
        Matcher m = OBJECT.matcher(typesPage.body());
        while (m.find()) {
            String code = first(m.group(), "code");
            if (code != null && !"false".equals(firstRaw(m.group(), "active"))) {
                types.add(code);
                buffers.put(code, Integer.parseInt(firstRaw(m.group(), "bufferMinutes")));
            }
        }
        // The 60-minute sports massage first; the others fill the gaps it leaves.
        types.sort(Comparator.comparing(code -> code.equals("sports-massage-60") ? 0 : 1));
        var candidates = new ArrayList<Slot>();
        LocalDate day = LocalDate.now(CLINIC).plusDays(1);
        LocalDate horizon = LocalDate.now(CLINIC).plusDays(89);
        for (LocalDate from = day; from.isBefore(horizon); from = from.plusDays(30)) {
            LocalDate to = from.plusDays(30).isAfter(horizon) ? horizon : from.plusDays(30);
            for (String type : types) {
                var page = send("GET", "/api/v1/availability?appointmentType=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                        + "&from=" + from + "&to=" + to, null, desk.get(), null);
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("availability answered " + page.statusCode() + ": " + page.body());
                }
                Matcher slot = OBJECT.matcher(page.body());
                while (slot.find()) {
                    String s = slot.group();
                    String start = first(s, "start");
                    if (start == null) continue;
                    Instant end = OffsetDateTime.parse(first(s, "end")).toInstant();
                    candidates.add(new Slot(first(s, "appointmentType"), first(s, "practitionerId"), first(s, "locationCode"),
                            start, OffsetDateTime.parse(start).toInstant(), end.plus(Duration.ofMinutes(buffers.get(type)))));
                }
            }
            if (candidates.size() > 20L * wanted) break;
        }
        var chosen = new ArrayList<Slot>();
        var byPractitioner = new HashMap<String, List<Slot>>();
        for (Slot slot : candidates) byPractitioner.computeIfAbsent(slot.practitioner(), p -> new ArrayList<>()).add(slot);
        for (var list : byPractitioner.values()) {
            list.sort(Comparator.comparing(Slot::blockedUntil));
            Instant free = Instant.MIN;
            for (Slot slot : list) {
                if (!slot.from().isBefore(free)) {
                    chosen.add(slot);
                    free = slot.blockedUntil();
                }
            }
        }
        // Spread the load over practitioners and days as front desks would.
        Collections.shuffle(chosen, new Random(42));
        return chosen;
    }

    static void book(List<Slot> slots, List<String> clientIds, int workers, Token desk,
                     Map<Integer, AtomicInteger> statuses, ConcurrentLinkedQueue<Long> latencies,
                     ConcurrentLinkedQueue<String> booked) throws Exception {
        inParallel(slots.size(), workers, i -> {
            String body = slots.get(i).body(clientIds.get(i % clientIds.size()));
            long t0 = System.nanoTime();
            int status;
            try {
                var answer = send("POST", "/api/v1/appointments", body, desk.get(), UUID.randomUUID().toString());
                status = answer.statusCode();
                if (status == 201) booked.add(idOf(answer));
            } catch (Exception e) {
                status = -1; // no answer at all (connection refused, timeout)
            }
            latencies.add(System.nanoTime() - t0);
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        });
    }

    static long pending(Token admin) throws Exception {
        var response = send("GET", "/api/v1/events/deliveries?status=pending&size=1", null, admin.get(), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("deliveries answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(firstRaw(response.body(), "totalItems"));
    }

    static HttpResponse<String> send(String method, String path, String body, String token, String idempotencyKey)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A password-grant token of a demo user, renewed well before its five minutes run out. */
    static final class Token {
        final String user;
        final AtomicReference<String> value = new AtomicReference<>();
        volatile long fetched;

        Token(String user) throws Exception {
            this.user = user;
            refresh();
        }

        String get() throws Exception {
            if (System.nanoTime() - fetched > 60e9) {
                synchronized (this) {
                    if (System.nanoTime() - fetched > 60e9) refresh();
                }
            }
            return value.get();
        }

        void refresh() throws Exception {
            String form = "grant_type=password&client_id=clinic-web&username=" + user + "&password=" + user;
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            value.set(first(response.body(), "access_token"));
            fetched = System.nanoTime();
        }
    }

    /** utime + stime in clock ticks of every process in each named process group (children included). */
    static Map<String, Long> cpu(Map<String, Long> groups) throws Exception {
        var totals = new HashMap<String, Long>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                long[] stat = stat(proc);
                if (stat == null) continue;
                for (var group : groups.entrySet()) {
                    if (stat[0] == group.getValue()) totals.merge(group.getKey(), stat[1], Long::sum);
                }
            }
        }
        return totals;
    }

    /** All PostgreSQL processes on the machine (postmaster, backends, background workers). */
    static long[] postgresCpu() throws Exception {
        long total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                long[] stat = stat(proc);
                if (stat == null) continue;
                try {
                    String cmdline = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    if (cmdline.contains("postgres") && !cmdline.contains("java")) total += stat[1];
                } catch (Exception gone) {
                    // the process ended between the two reads
                }
            }
        }
        return new long[] {total};
    }

    /** {process group, utime + stime} of /proc/PID, or null when it is not a process or has gone. */
    static long[] stat(Path proc) {
        if (!proc.getFileName().toString().chars().allMatch(Character::isDigit)) return null;
        try {
            String text = Files.readString(proc.resolve("stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[2]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
        } catch (Exception gone) {
            return null;
        }
    }

    static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static String first(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String firstRaw(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([^,}\\s]+)").matcher(json);
        return m.find() ? m.group(1).replace("\"", "") : null;
    }

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
