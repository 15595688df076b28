#!/usr/bin/env bash
# Drain-rate benchmark of booking-service's outbox (a script, not a test): seeds the benchmark database (the demo
# catalogue of db/dev-data, then seed.sql), queues
# DRAIN_EVENTS appointment events (default 5,000) with a pending delivery to client-service each, starts the jar
# with background dispatch against the stub client-service of Bench.java (a local receiver in its own process),
# and times until no delivery is pending. Prints the rate and appends one line to docs/benchmarks.md (every run,
# with its date and load average; BENCH_SMOKE=1 writes nothing).
# The clock starts when the events are committed; the dispatcher finds them at its next poll (at most
# booking.events.dispatch.interval, 2 s), which the figure includes. DRAIN_DB overrides the database
# (default booking_bench, created if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="$JAVA_HOME/bin/java"
N=${DRAIN_EVENTS:-5000}
DB=${DRAIN_DB:-booking_bench}
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
MGMT_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
WORK=booking-service/target/bench-drain
export PGPASSWORD=${PGPASSWORD:-clinic}
PSQL=(psql -h 127.0.0.1 -U clinic -d "$DB" -v ON_ERROR_STOP=1 -q)

if ! psql -h 127.0.0.1 -U clinic -d "$DB" -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -c "create database $DB owner clinic"
fi
if [[ ! -f booking-service/target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q -pl booking-service -am package -DskipTests
fi
mkdir -p "$WORK"
"$JAVA" booking-service/bench/Bench.java keygen "$WORK"

rm -f "$WORK/stub.port"
"$JAVA" -Xmx128m booking-service/bench/Bench.java stub "$WORK" >"$WORK/stub.log" 2>&1 &
STUB=$!
SERVICE=
trap 'kill $STUB ${SERVICE:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  [[ -s "$WORK/stub.port" ]] && break
  kill -0 $STUB 2>/dev/null || { cat "$WORK/stub.log"; exit 1; }
  sleep 0.5
done
STUB_URL="http://127.0.0.1:$(cat "$WORK/stub.port")"

# Seed before the service starts, so its first poll finds nothing and the timing starts clean.
"$JAVA" -Xmx512m \
  -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MGMT_PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
  -Dquarkus.oidc.public-key="$(cat "$WORK/public.key")" -Dquarkus.oidc.token.issuer=bench \
  -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.oidc-client.auth-server-url="$STUB_URL/realms/bench" \
  -Dclinic.client-service.url="$STUB_URL" \
  -Dquarkus.log.level=WARN \
  -Dclinic.dev-data=true \
  -jar booking-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/api/v1/locations" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log"; exit 1; }
  sleep 0.5
done
kill -0 $SERVICE

"${PSQL[@]}" -f booking-service/bench/seed.sql >/dev/null
BEFORE=$(curl -fs "$STUB_URL/bench/stats" | sed -E 's/.*"events":([0-9]+).*/\1/')
START=$(date +%s.%N)
"${PSQL[@]}" -v n="$N" <<'SQL'
WITH a AS (
    SELECT gen_random_uuid() AS event_id, id, client_id FROM appointment ORDER BY starts_at DESC LIMIT :n
), e AS (
    INSERT INTO outbox_event (id, type, appointment_id, client_id, booked_by, occurred_at, version, payload)
    SELECT event_id, 'appointment.booked', id, client_id, 'bench-seed', now(), 1,
           json_build_object('id', event_id, 'type', 'appointment.booked', 'occurredAt', now(), 'version', 1,
                             'data', json_build_object('appointmentId', id, 'clientId', client_id))
    FROM a
    RETURNING seq, id, appointment_id)
INSERT INTO event_delivery (id, event_seq, event_id, event_type, appointment_id, destination, status, attempts,
                            next_attempt_at)
SELECT gen_random_uuid(), seq, id, 'appointment.booked', appointment_id, 'client-service', 'PENDING', 0, now()
FROM e;
SQL
QUEUED=$("${PSQL[@]}" -tA -c "select count(*) from event_delivery where status = 'PENDING'")
while :; do
  PENDING=$("${PSQL[@]}" -tA -c "select count(*) from event_delivery where status = 'PENDING'")
  [[ "$PENDING" == 0 ]] && break
  if (( $(echo "$(date +%s.%N) - $START > 600" | bc) )); then echo "still $PENDING pending after 600 s" >&2; break; fi
  sleep 0.2
done
END=$(date +%s.%N)
AFTER=$(curl -fs "$STUB_URL/bench/stats" | sed -E 's/.*"events":([0-9]+).*/\1/')
SECONDS_TAKEN=$(echo "$END - $START" | bc -l)
RATE=$(echo "$QUEUED / $SECONDS_TAKEN" | bc -l)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
LINE=$(printf '| %s | %s | %d | %d | %.1f | %.0f | %s |' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(git rev-parse --short HEAD)" \
  "$QUEUED" "$((AFTER - BEFORE))" "$SECONDS_TAKEN" "$RATE" "$LOAD")
echo "queued $QUEUED, receiver got $((AFTER - BEFORE)), drained in ${SECONDS_TAKEN}s: $(printf '%.0f' "$RATE") events/s (load $LOAD)"
if [[ -z "${BENCH_SMOKE:-}" ]]; then
  # A new table under its own heading unless the file still ends with the drain table (other sections follow it).
  if [[ "$(grep '^## ' docs/benchmarks.md 2>/dev/null | tail -n 1)" != "## Outbox drain rate"* ]]; then
    printf '\n## Outbox drain rate, from %s\n\n`booking-service/bench/drain.sh`: events queued for client-service (stub receiver of Bench.java in its own process), drained by the background dispatcher with the default settings. Every run is recorded.\n\n| date (UTC) | commit | queued | received | seconds | events/s | load average |\n| --- | --- | --- | --- | --- | --- | --- |\n' \
      "$(date -u +%Y-%m-%dT%H:%MZ)" >>docs/benchmarks.md
  fi
  echo "$LINE" >>docs/benchmarks.md
fi
