# shellcheck shell=bash
# ./clinic bench: the whole-system benchmark of issue 13, sourced by ./clinic (uses its start/stop functions).
# Runs the stack as ./clinic up runs it (production log levels, access logs on); starts it only when the gateway
# does not answer, and stops it at the end only then. Per request kind: warm-up through the gateway, then hey with
# BENCH_CONNECTIONS connections straight to the service and through the gateway, with the CPU (utime + stime from
# /proc) of the service and the gateway over each run. Then bookings (booking-service/bench/Throughput.java), the
# resident memory of every part, each part restarted alone (launch to ready) and, when this run started the stack,
# ./clinic up itself. Appends one dated section to docs/benchmarks.md; every earlier section stays.
# Run it under the system-test lock, the stack uses the fixed ports:  flock /tmp/clinic-system.lock ./clinic bench
# Knobs: BENCH_CONNECTIONS (16), BENCH_WARM_SECONDS (10 at least per request kind, then until the JIT is quiet:
# BENCH_JIT_QUIET 10 %, BENCH_WARM_MAX_SECONDS 180), BENCH_SECONDS (15 per run),
# BENCH_BOOKINGS (2000 measured bookings, after rounds of BENCH_WARMUP 400 bookings and cancellations until the JIT
# is quiet, as for the other rows; 600 made a 5 s phase in which client-service's CPU per booking came out 2.5 times
# throughput.sh's), BENCH_SMOKE=1 (short runs, docs/benchmarks.md left alone), BENCH_NOTE.

BENCH_WORK="$STATE/bench"

# CPU ticks (user + system) of one process, all its threads; the command name may hold spaces, so cut after ")".
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

token_of() {
    curl -fs -d grant_type=password -d client_id=clinic-web -d "username=$1" -d "password=$1" \
        "http://localhost:$KEYCLOAK_PORT/realms/clinic/protocol/openid-connect/token" \
        | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# load URL SECONDS TOKEN OUT: hey with a fixed duration; its summary goes to OUT.
load() {
    local auth=()
    [ -n "$3" ] && auth=(-H "Authorization: Bearer $3")
    hey -z "${2}s" -c "$BENCH_CONNECTIONS" -t 20 "${auth[@]}" "$1" >"$4" 2>&1
}

answers() { awk '/^  \[[0-9]+\]/ {n += $2} END {print n + 0}' "$1"; }
other_answers() { awk '/^  \[[0-9]+\]/ && $1 != "[200]" {printf "%s%s %s", sep, $1, $2; sep = ", "}' "$1"; }
rps() { awk '/Requests\/sec:/ {printf "%.0f", $2}' "$1"; }
p95_ms() { awk '/ 95% in / {printf "%.1f", $3 * 1000}' "$1"; }
per_request_ms() { awk -v t="$1" -v n="$2" -v hz="$CLK_TCK" 'BEGIN {if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "-"}'; }
met() { if awk "BEGIN {exit !($1)}"; then echo met; else echo missed; fi; }

# CPU ticks of a JVM's JIT compiler threads (C1, C2). They are a process's busiest threads for a while after start:
# a run measured while they work counts compilation as request cost (first seen 21:51Z: 10.7 s of the gateway's
# compiler CPU against 3.0 s on its event loops).
jit_ticks() {
    local task sum=0
    for task in /proc/"$1"/task/*; do
        case "$(cat "$task/comm" 2>/dev/null)" in
            C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}'))) ;;
        esac
    done
    echo "$sum"
}

percent() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.0f", 100 * a / b; else print 0}'; }

# warm URL TOKEN PID...: load through URL in slices of 5 s, for at least BENCH_WARM_SECONDS, until in one slice the
# compiler threads of every PID used under BENCH_JIT_QUIET % (default 10) of its CPU, or BENCH_WARM_MAX_SECONDS (180)
# have passed. Prints the seconds it took.
warm() {
    local url="$1" token="$2" started=$SECONDS pid quiet
    shift 2
    while :; do
        local -A c0=() j0=()
        for pid in "$@"; do c0[$pid]=$(cpu_ticks "$pid"); j0[$pid]=$(jit_ticks "$pid"); done
        load "$url" 5 "$token" "$BENCH_WORK/warm.txt"
        quiet=1
        for pid in "$@"; do
            [ "$(percent $(($(jit_ticks "$pid") - j0[$pid])) $(($(cpu_ticks "$pid") - c0[$pid])))" -lt "$BENCH_JIT_QUIET" ] || quiet=
        done
        if [ $((SECONDS - started)) -ge "$BENCH_WARM_SECONDS" ] && { [ -n "$quiet" ] || [ $((SECONDS - started)) -ge "$BENCH_WARM_MAX_SECONDS" ]; }; then
            echo $((SECONDS - started))
            return 0
        fi
    done
}

# measure ROW URL_DIRECT URL_GATEWAY SERVICE USER TARGET_CPU_MS: one table row (and its targets) into $ROWS/$TARGETS.
measure() {
    local row="$1" direct="$2" via="$3" service="$4" user="$5" target="$6" token="" spid gpid
    spid=$(pid_of "$service"); gpid=$(pid_of gateway)
    [ -n "$user" ] && token=$(token_of "$user")
    say "bench: $row (warm-up through the gateway until the JIT compilers are quiet, then direct)"
    local warmed warmed_direct
    warmed=$(warm "$via" "$token" "$spid" "$gpid")
    warmed_direct=$(warm "$direct" "$token" "$spid")

    [ -n "$user" ] && token=$(token_of "$user")
    local s0 s1 g0 g1 sj0 sj1 gj0 gj1
    s0=$(cpu_ticks "$spid"); sj0=$(jit_ticks "$spid")
    load "$direct" "$BENCH_SECONDS" "$token" "$BENCH_WORK/direct.txt"
    s1=$(cpu_ticks "$spid"); sj1=$(jit_ticks "$spid")
    local jit_direct; jit_direct=$(percent $((sj1 - sj0)) $((s1 - s0)))
    local n_direct; n_direct=$(answers "$BENCH_WORK/direct.txt")
    local cpu_direct; cpu_direct=$(per_request_ms $((s1 - s0)) "$n_direct")

    [ -n "$user" ] && token=$(token_of "$user")
    s0=$(cpu_ticks "$spid"); g0=$(cpu_ticks "$gpid"); gj0=$(jit_ticks "$gpid")
    load "$via" "$BENCH_SECONDS" "$token" "$BENCH_WORK/gateway.txt"
    s1=$(cpu_ticks "$spid"); g1=$(cpu_ticks "$gpid"); gj1=$(jit_ticks "$gpid")
    local jit_gateway; jit_gateway=$(percent $((gj1 - gj0)) $((g1 - g0)))
    local n_via; n_via=$(answers "$BENCH_WORK/gateway.txt")
    local cpu_via; cpu_via=$(per_request_ms $((s1 - s0)) "$n_via")
    local cpu_gateway; cpu_gateway=$(per_request_ms $((g1 - g0)) "$n_via")

    local r_direct r_via ratio others
    r_direct=$(rps "$BENCH_WORK/direct.txt"); r_via=$(rps "$BENCH_WORK/gateway.txt")
    ratio=$(awk -v a="$r_via" -v b="$r_direct" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')
    others="$(other_answers "$BENCH_WORK/direct.txt")"; others="${others:+direct: $others; }"
    others="$others$(other_answers "$BENCH_WORK/gateway.txt" | sed 's/^./gateway: &/')"
    ROWS+="| $row | $r_direct | $r_via ($ratio) | $(p95_ms "$BENCH_WORK/direct.txt") / $(p95_ms "$BENCH_WORK/gateway.txt") ms | $cpu_direct / $cpu_via ms | $cpu_gateway ms | ${warmed} s / ${warmed_direct} s | ${jit_direct} % / ${jit_gateway} % | ${others:-none} |
"
    TARGETS+="| $row: service CPU/request (direct) <= $target ms | $cpu_direct ms | $(met "$cpu_direct <= $target") |
| $row: gateway CPU/request <= 0.15 ms | $cpu_gateway ms | $(met "$cpu_gateway <= 0.15") |
| $row: gateway keeps >= 85% of direct throughput | $ratio | $(met "$ratio >= 0.85") |
"
}

# bookings through the gateway: Throughput.java with its CPU per booking of every process.
measure_bookings() {
    local groups="" name pid
    for name in gateway booking-service client-service keycloak; do
        pid=$(pid_of "$name")
        [ -n "$pid" ] && groups+="$name=$(ps -o pgid= -p "$pid" | tr -d ' '),"
    done
    # Where autovacuum is off (this machine), earlier runs' dead rows and missing statistics would count against
    # the bookings; vacuumed and analysed first, as autovacuum would have done (the section says which it is).
    autovacuum=$(psql_admin -d postgres -c 'show autovacuum')
    for name in "${DATABASES[@]}"; do psql_admin -d "$name" -c 'VACUUM ANALYZE'; done
    say "bench: bookings through the gateway ($BENCH_BOOKINGS measured)"
    if ! BENCH_PGRPS="$groups" CLK_TCK="$CLK_TCK" BENCH_CLIENTS="${BENCH_CLIENTS:-50}" BENCH_WORKERS="$BENCH_CONNECTIONS" \
        BENCH_WARMUP="${BENCH_WARMUP:-400}" BENCH_BOOKINGS="$BENCH_BOOKINGS" \
        BENCH_JIT_QUIET="$BENCH_JIT_QUIET" BENCH_WARM_MAX_SECONDS="$BENCH_WARM_MAX_SECONDS" \
        "$JAVA_HOME/bin/java" -Xmx256m "$ROOT/booking-service/bench/Throughput.java" "http://localhost:8080" \
        "http://localhost:$KEYCLOAK_PORT/realms/clinic/protocol/openid-connect/token" "$BENCH_WORK/bookings.properties" \
        >"$BENCH_WORK/bookings.log" 2>&1; then
        tail -n 20 "$BENCH_WORK/bookings.log" >&2
        BOOKINGS="| booking, front desk, through the gateway | failed: see .clinic/bench/bookings.log |"
        return 0
    fi
    local result="$BENCH_WORK/bookings.properties" cpu
    cpu=$(sed -n 's/^cpu_ms_per_booking\.\(.*\)=\(.*\)/\1 \2 ms/p' "$result" | paste -sd ',' | sed 's/,/, /g')
    BOOKINGS="| booking, front desk, through the gateway | $(sed -n 's/^bookings_per_s=//p' "$result")/s, p95 $(sed -n 's/^p95_ms=//p' "$result") ms, $(sed -n 's/^booked=//p' "$result") booked, other answers: $(sed -n 's/^non_201=//p' "$result"), warm-up $(sed -n 's/^warmup_rounds=//p' "$result") rounds of $(sed -n 's/^warmup=//p' "$result") bookings and cancellations in $(sed -n 's/^warmup_seconds=//p' "$result") s (JIT quiet: $(sed -n 's/^warmup_quiet=//p' "$result")) | CPU per booking: $cpu |"
}

# await_quiet: waits (at most 60 s) until the machine's CPUs were at least 85 % idle over one second, so a start-up
# is not timed while the JIT compilers and collectors of the other JVMs are still busy after the load.
await_quiet() {
    local deadline=$((SECONDS + 60)) a b
    while [ $SECONDS -lt $deadline ]; do
        a=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8, $5+$6}' /proc/stat); sleep 1
        b=$(awk '/^cpu /{print $2+$3+$4+$5+$6+$7+$8, $5+$6}' /proc/stat)
        awk -v a="$a" -v b="$b" 'BEGIN {split(a, x, " "); split(b, y, " "); exit !((y[2] - x[2]) >= 0.85 * (y[1] - x[1]))}' \
            && return 0
    done
}

# restart_alone NAME PORT MANAGEMENT: stops one part and times it from launch to ready while the others run.
restart_alone() {
    stop_part "$1" >/dev/null
    await_quiet
    local started; started=$(date +%s%N)
    launch "$1" "$2" >/dev/null
    local deadline=$((SECONDS + 120))
    until curl -fs -o /dev/null --max-time 1 "http://localhost:$3/q/health/ready"; do
        [ $SECONDS -lt $deadline ] && running "$1" || { echo "not ready"; return 0; }
        sleep 0.05
    done
    awk -v ns=$(($(date +%s%N) - started)) 'BEGIN {printf "%.1f", ns / 1e9}'
}

cmd_bench() {
    pick_jdk
    command -v hey >/dev/null || fail "hey (HTTP load generator) is needed: apt-get install hey"
    CLK_TCK=$(getconf CLK_TCK)
    BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16}
    if [ -n "${BENCH_SMOKE:-}" ]; then
        BENCH_WARM_SECONDS=${BENCH_WARM_SECONDS:-2}; BENCH_SECONDS=${BENCH_SECONDS:-3}; BENCH_BOOKINGS=${BENCH_BOOKINGS:-40}
        BENCH_WARM_MAX_SECONDS=${BENCH_WARM_MAX_SECONDS:-5}
        BENCH_CLIENTS=${BENCH_CLIENTS:-5}; BENCH_WARMUP=${BENCH_WARMUP:-10}
    fi
    BENCH_WARM_SECONDS=${BENCH_WARM_SECONDS:-10}; BENCH_SECONDS=${BENCH_SECONDS:-15}; BENCH_BOOKINGS=${BENCH_BOOKINGS:-2000}
    BENCH_JIT_QUIET=${BENCH_JIT_QUIET:-10}; BENCH_WARM_MAX_SECONDS=${BENCH_WARM_MAX_SECONDS:-180}
    mkdir -p "$BENCH_WORK"
    local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    local started_stack="" up_seconds="" cds_note="" rate_limit="as configured in the running stack"

    if curl -fs -o /dev/null --max-time 3 "http://localhost:8080/api/v1/locations" && ! running gateway; then
        fail "a gateway that this checkout did not start answers on :8080 (another checkout's stack?); stop it first"
    fi
    if ! running gateway; then
        # One caller from one address is all this benchmark has: the per-caller limits would measure the limiter,
        # so they are raised (the limiter still runs on every request).
        export GATEWAY_RATE_LIMIT_ANONYMOUS_REQUESTS_PER_MINUTE=100000000
        export GATEWAY_RATE_LIMIT_AUTHENTICATED_REQUESTS_PER_MINUTE=100000000
        rate_limit="raised to 100,000,000/min per caller for this run (the limiter still runs)"
        build_if_stale
        local entry missing=""
        for entry in "${SERVICES[@]}"; do
            [ -f "$STATE/aot/${entry%%:*}.aot" ] || [ -f "$STATE/cds/${entry%%:*}.jsa" ] || missing+=" ${entry%%:*}"
        done
        # The caches are written at the first stop after a build: the restarts below always have them.
        [ -n "$missing" ] && cds_note=" (no AOT cache or class-data archive yet for:$missing)"
        export CLINIC_READY_SECONDS=${CLINIC_READY_SECONDS:-600}
        say "bench: ./clinic up (timed)"
        local t0=$SECONDS
        cmd_up >"$BENCH_WORK/up.log" 2>&1 || { tail -n 30 "$BENCH_WORK/up.log" >&2; fail "./clinic up failed"; }
        up_seconds=$((SECONDS - t0))
        started_stack=1
        trap 'cmd_down >/dev/null 2>&1 || true' EXIT
    fi

    local today from to
    today=$(TZ=America/Vancouver date +%F)
    from="$(TZ=America/Vancouver date -d "$today + 2 days" +%F)T00:00:00Z"
    to="$(TZ=America/Vancouver date -d "$today + 16 days" +%F)T00:00:00Z"
    ROWS="" TARGETS="" BOOKINGS=""
    measure 'GET /api/v1/locations (anonymous)' http://localhost:8081/api/v1/locations \
        http://localhost:8080/api/v1/locations booking-service "" 0.25
    local availability="/api/v1/availability?appointmentType=sports-massage-60&from=$from&to=$to"
    measure 'GET /api/v1/availability, sports-massage-60, all practitioners, 14 days' "http://localhost:8081$availability" \
        "http://localhost:8080$availability" booking-service "" 1.0
    local search="/api/v1/injuries?q=outside%20of%20my%20knee%20hurts"
    measure 'GET /api/v1/injuries?q=outside of my knee hurts' "http://localhost:8082$search" "http://localhost:8080$search" \
        injury-service "" 0.5
    # alice's own client record (201, or 409 when it exists), so /me answers 200 as for a registered client.
    curl -s -o /dev/null -H "Authorization: Bearer $(token_of alice)" -H 'Content-Type: application/json' \
        -d '{"firstName": "Alice", "lastName": "Bench", "dateOfBirth": "1991-06-02"}' http://localhost:8080/api/v1/clients
    measure "GET /api/v1/clients/me (alice's token)" http://localhost:8083/api/v1/clients/me \
        http://localhost:8080/api/v1/clients/me client-service alice 0.6
    measure_bookings

    local memory="" entry name port management pid rss limit
    for entry in "${SERVICES[@]}"; do
        IFS=: read -r name port management <<<"$entry"
        pid=$(pid_of "$name"); rss=$(rss_mib "$pid")
        limit=256; [ "$name" = gateway ] && limit=160
        memory+="| $name: resident memory after the load <= $limit MiB | $rss MiB | $(met "$rss <= $limit") |
"
    done

    local startup="" seconds
    for entry in "${SERVICES[@]}"; do
        IFS=: read -r name port management <<<"$entry"
        say "bench: restarting $name alone"
        seconds=$(restart_alone "$name" "$port" "$management")
        startup+="| $name: launch to ready, started alone (the others running, machine quiet) <= 3 s | $seconds s | $(met "${seconds/not ready/999} <= 3") |
"
    done
    local up_row="| ./clinic up, warm (built, Keycloak present) <= 45 s | not measured: the stack was already running | - |"
    [ -n "$up_seconds" ] && up_row="| ./clinic up, warm (built, Keycloak present)$cds_note <= 45 s | $up_seconds s | $(met "$up_seconds <= 45") |"
    local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg)

    local section
    section=$(cat <<MD

## Whole system through the gateway (\`./clinic bench\`), $(date -u +%Y-%m-%dT%H:%MZ)

Commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/ {print $2}') GiB,
$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1). Stack of \`./clinic up\` ($([ -n "$started_stack" ] && echo 'started by the benchmark' || echo 'already running')): its JVM settings, production
log levels, access logs as configured, real Keycloak tokens. Gateway rate limit: $rate_limit.
Load average (1/5/15 min) before $load_before, after $load_after: hey, every JVM, PostgreSQL and anything else on the
machine share its cores${BENCH_SMOKE:+ (BENCH_SMOKE: short runs)}. PostgreSQL autovacuum: ${autovacuum:-not asked}; the
databases were vacuumed and analysed before the bookings.${BENCH_NOTE:+ $BENCH_NOTE}

hey, $BENCH_CONNECTIONS connections, ${BENCH_SECONDS} s per run. Warm-up per request kind: through the gateway, then
direct, each at least ${BENCH_WARM_SECONDS} s and until the JIT compiler threads of the processes involved used under
${BENCH_JIT_QUIET} % of their CPU in a 5 s slice (at most ${BENCH_WARM_MAX_SECONDS} s). CPU per request: utime + stime of
the process over the run (service: in the direct run / in the gateway run) divided by the answers; the JIT column is
the compiler threads' share of that CPU during the measured runs (service direct / gateway).

| request | rps direct | rps via gateway (ratio) | p95 direct / via gateway | service CPU/req direct / via gateway | gateway CPU/req | warm-up via gateway / direct | JIT share service / gateway | answers other than 200 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
$ROWS$BOOKINGS

| target | measured | result |
| --- | --- | --- |
$TARGETS$memory$startup$up_row
MD
)
    say "$section"
    if [ -z "${BENCH_SMOKE:-}" ]; then
        printf '%s\n' "$section" >>"$ROOT/docs/benchmarks.md"
        say "appended to docs/benchmarks.md"
    else
        say "(BENCH_SMOKE: docs/benchmarks.md left alone)"
    fi
}
