#!/usr/bin/env bash
# Measures what the gateway costs: the same GET, at the same concurrency, sent straight to an upstream and through
# the gateway, in one run. Prints the figures and writes them to the gateway section of docs/benchmarks.md.
#
#   gateway/bench/bench.sh                      # stub upstream (no work: the gateway's cost at its most visible)
#   BENCH_UPSTREAM_URL=http://localhost:8081 gateway/bench/bench.sh   # a running booking-service instead
#
# Settings (environment): BENCH_DURATION (s, default 10), BENCH_ROUNDS (default 3), BENCH_WARMUP (s, default 30),
# BENCH_CONNECTIONS (default "1 16 64"),
# BENCH_PATH (default /api/v1/locations), BENCH_ACCESS_LOG (true|false, default true as in production).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DURATION=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-30}
CONNECTIONS=${BENCH_CONNECTIONS:-"1 16 64"}
PATH_UNDER_TEST=${BENCH_PATH:-/api/v1/locations}
ACCESS_LOG=${BENCH_ACCESS_LOG:-true}
STUB_PORT=18081
GATEWAY_PORT=18080
WORK=$(mktemp -d)
PIDS=()

if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install -y wrk)" >&2; exit 1; }

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

JAR=gateway/target/quarkus-app/quarkus-run.jar
if [[ ! -f $JAR ]]; then
    ./mvnw -B -q -pl gateway package -DskipTests
fi

wait_for() {
    for _ in $(seq 1 120); do
        if curl -fs -o /dev/null "$1"; then return 0; fi
        sleep 0.5
    done
    echo "not ready: $1" >&2
    exit 1
}

if [[ -n "${BENCH_UPSTREAM_URL:-}" ]]; then
    UPSTREAM=$BENCH_UPSTREAM_URL
    UPSTREAM_KIND="running service at $UPSTREAM"
else
    "$JAVA" -cp "gateway/target/quarkus-app/lib/main/*" gateway/bench/StubUpstream.java $STUB_PORT \
        >"$WORK/stub.log" 2>&1 &
    PIDS+=($!)
    UPSTREAM=http://127.0.0.1:$STUB_PORT
    UPSTREAM_KIND="stub upstream (fixed JSON, no work)"
    wait_for "$UPSTREAM$PATH_UNDER_TEST"
fi

# Production configuration except the ports, the upstream and limits high enough not to throttle the load.
QUARKUS_HTTP_PORT=$GATEWAY_PORT \
GATEWAY_UPSTREAMS_BOOKING_URL=$UPSTREAM GATEWAY_UPSTREAMS_INJURY_URL=$UPSTREAM GATEWAY_UPSTREAMS_CLIENT_URL=$UPSTREAM \
GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE=1000000000 \
GATEWAY_RATE_LIMIT_AUTHENTICATED_REQUESTS_PER_MINUTE=1000000000 \
QUARKUS_HTTP_ACCESS_LOG_ENABLED=$ACCESS_LOG \
    "$JAVA" -Xmx512m -jar $JAR >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
wait_for "$GATEWAY/q/health/live"

# wrk --latency output -> "requests_per_second p50_ms p99_ms"
run_wrk() {
    local url=$1 connections=$2 threads=$(( $2 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$url" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF } END { if (bad > 0) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

echo "warming up (JIT) ..."
wrk -t2 -c16 -d$(( WARMUP / 3 + 1 ))s "$UPSTREAM$PATH_UNDER_TEST" >/dev/null
wrk -t2 -c16 -d${WARMUP}s "$GATEWAY$PATH_UNDER_TEST" >/dev/null
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Direct and gateway alternate, ROUNDS times per concurrency, and the medians are kept: other load on the
# machine then weighs on both sides alike.
ROWS=""
printf "%-12s %12s %12s %10s %10s %10s %10s %12s %10s\n" connections direct_rps gateway_rps ratio \
    direct_p50 gateway_p50 added_p50 direct_p99 gateway_p99
for c in $CONNECTIONS; do
    D_RPS=() D_P50=() D_P99=() G_RPS=() G_P50=() G_P99=()
    for _ in $(seq 1 "$ROUNDS"); do
        read -r rps p50 p99 < <(run_wrk "$UPSTREAM$PATH_UNDER_TEST" "$c")
        D_RPS+=("$rps") D_P50+=("$p50") D_P99+=("$p99")
        read -r rps p50 p99 < <(run_wrk "$GATEWAY$PATH_UNDER_TEST" "$c")
        G_RPS+=("$rps") G_P50+=("$p50") G_P99+=("$p99")
    done
    d_rps=$(echo "${D_RPS[*]}" | median) d_p50=$(echo "${D_P50[*]}" | median) d_p99=$(echo "${D_P99[*]}" | median)
    g_rps=$(echo "${G_RPS[*]}" | median) g_p50=$(echo "${G_P50[*]}" | median) g_p99=$(echo "${G_P99[*]}" | median)
    ratio=$(awk -v g="$g_rps" -v d="$d_rps" 'BEGIN { printf "%.0f%%", 100 * g / d }')
    added=$(awk -v g="$g_p50" -v d="$d_p50" 'BEGIN { printf "%.3f", g - d }')
    printf "%-12s %12s %12s %10s %10s %10s %10s %12s %10s\n" "$c" "$d_rps" "$g_rps" "$ratio" "$d_p50" "$g_p50" \
        "$added" "$d_p99" "$g_p99"
    ROWS+="| $c | $d_rps | $g_rps | $ratio | $d_p50 | $g_p50 | $added | $d_p99 | $g_p99 |"$'\n'
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
SECTION=$(cat <<MD
<!-- gateway:begin -->
## Gateway: cost of the edge

\`gateway/bench/bench.sh\`, $(date -u +%Y-%m-%d) on $(nproc) cores ($CPU), JDK $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2).
Same request (\`GET $PATH_UNDER_TEST\`, anonymous) with wrk, ${ROUNDS} alternating rounds of ${DURATION} s per side and
concurrency (medians shown), straight to the
$UPSTREAM_KIND, then through the gateway (production configuration: edge authentication check, Bucket4j rate
limit, request id, CORS, circuit breaker, access log $ACCESS_LOG). wrk, the gateway and the upstream share the
same machine, so at high concurrency the gateway competes with the upstream and wrk for the CPU. Load average
(1/5/15 min) before the measured rounds: $LOAD_BEFORE; after: $LOAD_AFTER.

| connections | direct req/s | gateway req/s | gateway/direct | direct p50 ms | gateway p50 ms | added p50 ms | direct p99 ms | gateway p99 ms |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${ROWS}
Targets: median added latency under 1 ms, at least 80% of direct throughput.
<!-- gateway:end -->
MD
)

DOC=docs/benchmarks.md
mkdir -p docs
[[ -f $DOC ]] || printf '# Benchmarks\n\nEach module writes its own section between its markers.\n' >$DOC
SECTION="$SECTION" python3 - "$DOC" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].strip() + "\n"
pattern = re.compile(r"<!-- gateway:begin -->.*?<!-- gateway:end -->\n?", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
PY
echo "written to $DOC"
