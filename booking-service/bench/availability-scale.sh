#!/usr/bin/env bash
# Availability cost against the number of stored appointments (issue 13; a script, not a test). booking-service runs
# from its packaged jar with ./clinic's JVM settings on spare ports (18081, management 19081) against its own database
# booking_scale, so it needs no lock and no Keycloak. seed.sql gives 10,000 appointments (history, and the next 14
# days about half booked); then appointments older than that history are added up to 1,000,000, which leaves the
# answer itself unchanged. Each size: warm-up, then hey on the availability of sports-massage-60, all practitioners,
# 14 days, with the service's CPU per request. Appends a section to docs/benchmarks.md (BENCH_SMOKE=1: it does not).
# The demo catalogue (db/dev-data: practitioners, schedules) is applied; the scheduler is off.
# Knobs: SCALE_SIZES ("10000 1000000"), BENCH_CONNECTIONS (16), BENCH_WARM_SECONDS (10), BENCH_SECONDS (15).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
DB=booking_scale
PORT=18081
MANAGEMENT=19081
WORK=booking-service/target/bench-scale
SIZES=${SCALE_SIZES:-10000 1000000}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
WARM=${BENCH_WARM_SECONDS:-10}
RUN=${BENCH_SECONDS:-15}
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$WORK"
command -v hey >/dev/null || { echo "hey is needed: apt-get install hey" >&2; exit 1; }
psql_clinic() { psql -h 127.0.0.1 -U clinic -d "$DB" -v ON_ERROR_STOP=1 -qtA "$@"; }

if [[ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" != 1 ]]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB owner clinic"
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
  CLINIC_DEV_DATA=true QUARKUS_SCHEDULER_ENABLED=false MALLOC_ARENA_MAX=2 setsid "$JAVA" -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=64m \
  -XX:MaxDirectMemorySize=64m -Xms32m -Xmx96m -XX:MaxMetaspaceSize=128m \
  -jar booking-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
PID=$!
trap 'kill -TERM "$PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://localhost:$MANAGEMENT/q/health/ready" && break; sleep 0.5; done
curl -fs -o /dev/null "http://localhost:$MANAGEMENT/q/health/ready" || { tail -n 30 "$WORK/service.log" >&2; exit 1; }

FROM="$(TZ=America/Vancouver date -d '+2 days' +%F)T00:00:00Z"
TO="$(TZ=America/Vancouver date -d '+16 days' +%F)T00:00:00Z"
URL="http://localhost:$PORT/api/v1/availability?appointmentType=sports-massage-60&from=$FROM&to=$TO"
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }

ROWS=""
declare -A P95 CPU
for size in $SIZES; do
  if (( size <= 10000 )) || [[ -z "$ROWS" ]]; then
    psql_clinic -f booking-service/bench/seed.sql >/dev/null
  fi
  # History before the seed's: each practitioner's appointments back to back, 75 minutes apart, all completed.
  psql_clinic -v total="$size" >/dev/null <<'SQL'
WITH seeded AS (SELECT count(*) AS n, min(starts_at) AS oldest FROM appointment),
     one AS (SELECT DISTINCT ON (practitioner_id) practitioner_id, location_id FROM schedule ORDER BY practitioner_id),
     staff AS (SELECT practitioner_id, location_id, row_number() OVER (ORDER BY practitioner_id) - 1 AS r,
                      count(*) OVER () AS m FROM one),
     wanted AS (SELECT greatest(:total - n, 0) AS extra, oldest FROM seeded)
INSERT INTO appointment (id, appointment_type_id, practitioner_id, location_id, client_id, starts_at, ends_at,
                         blocked_until, status, price_cad, booked_by, created_at, updated_at)
SELECT gen_random_uuid(), t.id, staff.practitioner_id, staff.location_id, gen_random_uuid(), s.at,
       s.at + interval '60 minutes', s.at + interval '75 minutes', 'COMPLETED', t.price_cad, 'bench-scale', s.at, s.at
FROM wanted
CROSS JOIN generate_series(0, (SELECT extra FROM wanted) - 1) g
JOIN staff ON staff.r = g % staff.m
CROSS JOIN LATERAL (SELECT date_trunc('day', wanted.oldest) - interval '1 day' - (g / staff.m) * interval '75 minutes' AS at) s
JOIN appointment_type t ON t.code = 'sports-massage-60';
ANALYZE appointment;
SQL
  stored=$(psql_clinic -c "select count(*) from appointment")
  hey -z "${WARM}s" -c "$CONNECTIONS" "$URL" >/dev/null
  t0=$(cpu_ticks "$PID")
  hey -z "${RUN}s" -c "$CONNECTIONS" "$URL" >"$WORK/hey-$size.txt"
  t1=$(cpu_ticks "$PID")
  n=$(awk '/^  \[[0-9]+\]/ {n += $2} END {print n + 0}' "$WORK/hey-$size.txt")
  non200=$(awk '/^  \[[0-9]+\]/ && $1 != "[200]" {n += $2} END {print n + 0}' "$WORK/hey-$size.txt")
  P95[$size]=$(awk '/ 95% in / {printf "%.1f", $3 * 1000}' "$WORK/hey-$size.txt")
  CPU[$size]=$(awk -v t=$((t1 - t0)) -v n="$n" -v hz="$CLK_TCK" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')
  slots=$(curl -fs "$URL" | { grep -o "\"start\"" || true; } | wc -l)
  ROWS+="| $stored | $(awk '/Requests\/sec:/ {printf "%.0f", $2}' "$WORK/hey-$size.txt") | ${P95[$size]} ms | ${CPU[$size]} ms | $slots | $non200 |
"
  echo "stored $stored: p95 ${P95[$size]} ms, CPU ${CPU[$size]} ms/request"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
read -r small large <<<"$SIZES"
verdict() { awk -v a="$1" -v b="$2" 'BEGIN {r = b / a; printf "%.2fx: %s", r, (r <= 1.5 ? "met" : "missed")}'; }

SECTION=$(cat <<MD

## Availability against stored appointments, $(date -u +%Y-%m-%dT%H:%MZ)

\`booking-service/bench/availability-scale.sh\`, commit $(git rev-parse --short HEAD), $(nproc) cores, $("$JAVA" -version 2>&1 | head -n 1).
booking-service alone from its jar (./clinic's JVM settings) on database $DB; hey, $CONNECTIONS connections, ${RUN} s after
${WARM} s of warm-up; \`GET /api/v1/availability\`, sports-massage-60, all practitioners, 14 days. Load average before
$LOAD_BEFORE, after $LOAD_AFTER (other work was running on the machine). The added appointments are older than the
seeded history, so every size gives the same answer.

| stored appointments | rps | p95 | service CPU/request | slots in the answer | answers other than 200 |
| --- | --- | --- | --- | --- | --- |
$ROWS
Target (at most 1.5x apart): p95 $(verdict "${P95[$small]}" "${P95[$large]}"); CPU per request $(verdict "${CPU[$small]}" "${CPU[$large]}").
MD
)
echo "$SECTION"
if [[ -z "${BENCH_SMOKE:-}" ]]; then echo "$SECTION" >>docs/benchmarks.md; echo "appended to docs/benchmarks.md"; fi
