// Benchmark client for client-service, run by bench.sh as `java Bench.java ...` (JDK 21+, no dependencies).
//   java Bench.java keygen <dir>                         an RSA key pair for signing bench tokens
//   java Bench.java run <baseUrl> <dir> <markdownFile>   measures, prints and writes the client-service section
// <dir> also holds ids.txt and names.txt (sampled from the database by bench.sh) and plan.txt (EXPLAIN output).
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

public class Bench {

    static final int WARM_UP = 500;
    static final int MEASURED = 2000;
    static final int CONCURRENT_WORKERS = 4;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "keygen" -> keygen(Path.of(args[1]));
            case "run" -> run(args[1], Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void keygen(Path dir) throws Exception {
        Files.createDirectories(dir);
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("private.key"), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("public.key"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    /** A front-desk access token shaped like the clinic realm's, signed with the bench key. */
    static String token(Path dir) throws Exception {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(Files.readString(dir.resolve("private.key")).trim())));
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"bench\",\"sub\":\"bench-fran\",\"preferred_username\":\"fran\","
                + "\"aud\":\"clinic-api\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"groups\":[\"front-desk\"],\"realm_access\":{\"roles\":[\"front-desk\"]}}";
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    record Result(String name, double p50, double p95, double p99, double perSecond) {
    }

    static void run(String base, Path dir, Path markdown) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        String token = token(dir);
        List<String> ids = Files.readAllLines(dir.resolve("ids.txt")).stream().filter(s -> !s.isBlank()).toList();
        List<String> names = Files.readAllLines(dir.resolve("names.txt")).stream().filter(s -> !s.isBlank()).toList();
        Random random = new Random(42);

        IntFunction<HttpRequest> byLastName = i -> search(base, token,
                names.get(random.nextInt(names.size())));
        IntFunction<HttpRequest> byPrefix = i -> search(base, token,
                names.get(random.nextInt(names.size())).substring(0, 3));
        IntFunction<HttpRequest> profile = i -> HttpRequest.newBuilder(
                URI.create(base + "/api/v1/clients/" + ids.get(random.nextInt(ids.size()))))
                .header("Authorization", "Bearer " + token).GET().build();

        List<Result> results = new ArrayList<>();
        results.add(measure("search by last name (whole name, ~50 matches, page of 20)", byLastName, 1));
        results.add(measure("search by last-name prefix (3 letters, ~1,250 matches, page of 20)", byPrefix, 1));
        results.add(measure("profile read `GET /api/v1/clients/{id}`", profile, 1));
        results.add(measure("search by last name, " + CONCURRENT_WORKERS + " concurrent clients", byLastName,
                CONCURRENT_WORKERS));
        results.add(measure("profile read, " + CONCURRENT_WORKERS + " concurrent clients", profile,
                CONCURRENT_WORKERS));

        String plan = Files.exists(dir.resolve("plan.txt")) ? Files.readString(dir.resolve("plan.txt")).strip() : "";
        List<Double> commits = Files.exists(dir.resolve("commit.txt"))
                ? Files.readAllLines(dir.resolve("commit.txt")).stream().filter(l -> !l.isBlank())
                        .map(Double::parseDouble).sorted().toList()
                : List.of();
        String commitNote = commits.isEmpty() ? "" : String.format(
                "A one-row durable commit on the same database took median %.2f ms, p95 %.2f ms, max %.2f ms "
                        + "(50 probes before the run);\nevery request commits at least one access-log entry.\n",
                commits.get(commits.size() / 2), commits.get((int) Math.ceil(0.95 * commits.size()) - 1),
                commits.get(commits.size() - 1));
        String section = section(results, plan, load, commitNote);
        System.out.println(section);
        write(markdown, section);
    }

    static HttpRequest search(String base, String token, String lastName) {
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/clients/search"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lastName\":\"" + lastName + "\"}"))
                .build();
    }

    /** Warm-up, then MEASURED requests spread over `workers` threads; latency of each, throughput overall. */
    static Result measure(String name, IntFunction<HttpRequest> request, int workers) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            send(request.apply(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                List<Long> own = new ArrayList<>();
                for (int i = 0; i < MEASURED / workers; i++) {
                    HttpRequest next;
                    synchronized (request) {
                        next = request.apply(i);
                    }
                    long t0 = System.nanoTime();
                    send(next);
                    own.add(System.nanoTime() - t0);
                }
                return own;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        all.sort(null);
        Result result = new Result(name, percentile(all, 50), percentile(all, 95), percentile(all, 99),
                all.size() / seconds);
        System.out.printf("%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %.0f req/s%n", name, result.p50(),
                result.p95(), result.p99(), result.perSecond());
        return result;
    }

    static void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    static double percentile(List<Long> sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    static String section(List<Result> results, String plan, String load, String commitNote) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        StringBuilder md = new StringBuilder();
        md.append("## client-service: client search and profile reads\n\n");
        md.append("`client-service/bench/bench.sh`, ").append(LocalDate.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu).append("), JDK ")
                .append(Runtime.version().feature()).append(". The service runs from its packaged jar against its\n")
                .append("own database `client_bench` (PostgreSQL on the same machine) holding 50,000 clients; the\n")
                .append("benchmark client shares the machine. Front-desk token; every request goes through the access\n")
                .append("policy and writes the access log (a search writes one entry per client returned).\n")
                .append(WARM_UP).append(" warm-up requests, then ").append(MEASURED)
                .append(" measured, over HTTP/1.1 keep-alive. Load average at the start: ").append(load)
                .append(" (other work on the machine shows in the tail percentiles).\n").append(commitNote).append("\n");
        md.append("| measure | p50 | p95 | p99 | req/s | target p95 |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            boolean targeted = !r.name().contains("concurrent") && !r.name().contains("prefix");
            md.append(String.format("| %s | %.2f ms | %.2f ms | %.2f ms | %.0f | %s |%n", r.name(), r.p50(), r.p95(),
                    r.p99(), r.perSecond(), targeted ? "under 20 ms" : ""));
        }
        md.append("\nLast-name search uses `client_last_name_prefix_idx` on `lower(last_name) text_pattern_ops`, which\n")
                .append("serves the case-insensitive prefix match (`lower(last_name) LIKE 'abc%'`) in any collation:\n\n```\n")
                .append(plan).append("\n```\n");
        return md.toString();
    }

    /** Replaces this module's section between its markers, or appends it. */
    static void write(Path markdown, String section) throws Exception {
        String begin = "<!-- client-service:begin -->";
        String end = "<!-- client-service:end -->";
        String doc = Files.exists(markdown) ? Files.readString(markdown) : "# Benchmarks\n";
        String block = begin + "\n" + section.strip() + "\n" + end;
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        doc = from >= 0 && to > from
                ? doc.substring(0, from) + block + doc.substring(to + end.length())
                : doc.stripTrailing() + "\n\n" + block + "\n";
        Files.writeString(markdown, doc);
    }
}
