#!/usr/bin/env bash
# Measures what the gateway costs: the same GET, at the same concurrency, sent straight to an upstream and through
# the gateway, in one run. Prints the figures and writes them to the gateway section of docs/benchmarks.md.
#
#   gateway/bench/bench.sh           # against a stub upstream (no work: the gateway's cost at its most visible)
#   BENCH_UPSTREAM_URL=http://localhost:8081 BENCH_UPSTREAM_LABEL="booking-service" gateway/bench/bench.sh
#                                    # and then also against a running service
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

# wrk --latency output -> "requests_per_second p50_ms p99_ms"
run_wrk() {
    local url=$1 connections=$2 threads=$(( $2 < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$url" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
        /Non-2xx/ { bad = $NF } END { if (bad > 0) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

TABLES=""

# measure UPSTREAM_URL LABEL: a gateway in front of the upstream, then direct and gateway alternating ROUNDS times
# per concurrency, medians kept, so other load on the machine weighs on both sides alike.
measure() {
    local upstream=$1 label=$2
    # Production configuration except the port, the upstreams and limits high enough not to throttle the load.
    QUARKUS_HTTP_PORT=$GATEWAY_PORT \
    GATEWAY_UPSTREAMS_BOOKING_URL=$upstream GATEWAY_UPSTREAMS_INJURY_URL=$upstream GATEWAY_UPSTREAMS_CLIENT_URL=$upstream \
    GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE=1000000000 \
    GATEWAY_RATE_LIMIT_AUTHENTICATED_REQUESTS_PER_MINUTE=1000000000 \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=$ACCESS_LOG \
        "$JAVA" -Xmx512m -jar $JAR >>"$WORK/gateway.log" 2>&1 &
    local gateway_pid=$!
    PIDS+=($gateway_pid)
    local gateway=http://127.0.0.1:$GATEWAY_PORT
    wait_for "$gateway/q/health/live"

    echo "== $label: warming up (JIT) ..."
    wrk -t2 -c16 -d$(( WARMUP / 3 + 1 ))s "$upstream$PATH_UNDER_TEST" >/dev/null
    wrk -t2 -c16 -d${WARMUP}s "$gateway$PATH_UNDER_TEST" >/dev/null
    local load_before load_after rows=""
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    printf "%-12s %12s %12s %10s %10s %10s %10s %12s %10s\n" connections direct_rps gateway_rps ratio \
        direct_p50 gateway_p50 added_p50 direct_p99 gateway_p99
    for c in $CONNECTIONS; do
        local D_RPS=() D_P50=() D_P99=() G_RPS=() G_P50=() G_P99=() rps p50 p99
        for _ in $(seq 1 "$ROUNDS"); do
            read -r rps p50 p99 < <(run_wrk "$upstream$PATH_UNDER_TEST" "$c")
            D_RPS+=("$rps") D_P50+=("$p50") D_P99+=("$p99")
            read -r rps p50 p99 < <(run_wrk "$gateway$PATH_UNDER_TEST" "$c")
            G_RPS+=("$rps") G_P50+=("$p50") G_P99+=("$p99")
        done
        local d_rps d_p50 d_p99 g_rps g_p50 g_p99 ratio added
        d_rps=$(echo "${D_RPS[*]}" | median) d_p50=$(echo "${D_P50[*]}" | median) d_p99=$(echo "${D_P99[*]}" | median)
        g_rps=$(echo "${G_RPS[*]}" | median) g_p50=$(echo "${G_P50[*]}" | median) g_p99=$(echo "${G_P99[*]}" | median)
        ratio=$(awk -v g="$g_rps" -v d="$d_rps" 'BEGIN { printf "%.0f%%", 100 * g / d }')
        added=$(awk -v g="$g_p50" -v d="$d_p50" 'BEGIN { printf "%.3f", g - d }')
        printf "%-12s %12s %12s %10s %10s %10s %10s %12s %10s\n" "$c" "$d_rps" "$g_rps" "$ratio" "$d_p50" "$g_p50" \
            "$added" "$d_p99" "$g_p99"
        rows+="| $c | $d_rps | $g_rps | $ratio | $d_p50 | $g_p50 | $added | $d_p99 | $g_p99 |"$'\n'
    done
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    kill "$gateway_pid" 2>/dev/null || true
    wait "$gateway_pid" 2>/dev/null || true

    TABLES+="**Upstream: $label.** Load average (1/5/15 min) before the measured rounds: $load_before; after: $load_after."$'\n\n'
    TABLES+="| connections | direct req/s | gateway req/s | gateway/direct | direct p50 ms | gateway p50 ms | added p50 ms | direct p99 ms | gateway p99 ms |"$'\n'
    TABLES+="| --- | --- | --- | --- | --- | --- | --- | --- | --- |"$'\n'
    TABLES+="$rows"$'\n'
}

"$JAVA" -cp "gateway/target/quarkus-app/lib/main/*" gateway/bench/StubUpstream.java $STUB_PORT >"$WORK/stub.log" 2>&1 &
STUB_PID=$!
PIDS+=($STUB_PID)
wait_for "http://127.0.0.1:$STUB_PORT$PATH_UNDER_TEST"
measure "http://127.0.0.1:$STUB_PORT" "stub (fixed JSON answer, no work; the gateway's cost at its most visible)"
kill "$STUB_PID" 2>/dev/null || true
if [[ -n "${BENCH_UPSTREAM_URL:-}" ]]; then
    measure "$BENCH_UPSTREAM_URL" "${BENCH_UPSTREAM_LABEL:-running service at $BENCH_UPSTREAM_URL}"
fi

CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
SECTION=$(cat <<MD
<!-- gateway:begin -->
## Gateway: cost of the edge

\`gateway/bench/bench.sh\`, $(date -u +%Y-%m-%d) on $(nproc) cores ($CPU), JDK $("$JAVA" -version 2>&1 | head -1 | cut -d'"' -f2).
Same request (\`GET $PATH_UNDER_TEST\`, anonymous) with wrk, straight to the upstream and through the gateway
(production configuration: edge authentication check, Bucket4j rate limit, request id, CORS, circuit breaker,
access log $ACCESS_LOG), ${ROUNDS} alternating rounds of ${DURATION} s per side and concurrency, medians shown.
wrk, the gateway and the upstream share the machine (and other work was running on it), so once the CPU is
saturated the gateway takes its share from the upstream and wrk: the throughput ratio then measures the CPU the
gateway needs per request relative to the upstream, not a network hop.

${TABLES}Targets: median added latency under 1 ms, at least 80% of direct throughput.
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
