#!/usr/bin/env bash
# Benchmark of booking-service: availability latency and booking throughput against the database
# booking_bench (created if missing). Builds the jar if needed, starts it on a free port with a local
# signing key instead of Keycloak and a stub client-service (Bench.java stub: client checks, booking-service's
# own token, booking events) in its own process on another free port, seeds 10,000 appointments, measures, stops
# both and writes the booking-service section of docs/benchmarks.md.
# BENCH_SMOKE=1: a short run (a tenth of the requests, at most 200 bookings) that leaves docs/benchmarks.md alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="$JAVA_HOME/bin/java"
# A free port of our own: other benchmarks on this machine use fixed ports.
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
WORK=booking-service/target/bench
DB_URL=jdbc:postgresql://localhost:5432/booking_bench
export PGPASSWORD=${PGPASSWORD:-clinic}

if ! psql -h 127.0.0.1 -U clinic -d booking_bench -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -c 'create database booking_bench owner clinic'
fi
if [[ ! -f booking-service/target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q -pl booking-service package -DskipTests
fi

mkdir -p "$WORK"
"$JAVA" booking-service/bench/Bench.java keygen "$WORK"

# The stub client-service (and token endpoint) booking-service calls on every booking.
rm -f "$WORK/stub.port"
"$JAVA" -Xmx128m booking-service/bench/Bench.java stub "$WORK" >"$WORK/stub.log" 2>&1 &
STUB=$!
SERVICE=
trap 'kill $STUB ${SERVICE:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  if [[ -s "$WORK/stub.port" ]]; then break; fi
  if ! kill -0 $STUB 2>/dev/null; then cat "$WORK/stub.log"; exit 1; fi
  sleep 0.5
done
STUB_URL="http://127.0.0.1:$(cat "$WORK/stub.port")"
curl -fs "$STUB_URL/bench/stats" >/dev/null || { echo "stub client-service does not answer at $STUB_URL" >&2; exit 1; }

"$JAVA" -Xmx512m \
  -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="$DB_URL" \
  -Dquarkus.oidc.public-key="$(cat "$WORK/public.key")" \
  -Dquarkus.oidc.token.issuer=bench \
  -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.oidc-client.auth-server-url="$STUB_URL/realms/bench" \
  -Dclinic.client-service.url="$STUB_URL" \
  -Dquarkus.log.level=WARN \
  -Dclinic.dev-data=true \
  -jar booking-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!

for _ in $(seq 1 120); do
  if curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $SERVICE 2>/dev/null; then cat "$WORK/service.log"; exit 1; fi
  sleep 0.5
done
# Make sure the port is answered by the service started here, not by something else.
kill -0 $SERVICE
curl -fs "http://localhost:$PORT/q/openapi?format=json" | grep -q '"Clinic booking API"' \
  || { echo "port $PORT is not answered by the booking-service started here" >&2; exit 1; }

psql -h 127.0.0.1 -U clinic -d booking_bench -q -f booking-service/bench/seed.sql
COUNT=$(psql -h 127.0.0.1 -U clinic -d booking_bench -tA -c 'select count(*) from appointment')
echo "seeded $COUNT appointments"

BENCH_APPOINTMENTS=$(printf "%'d" "$COUNT") "$JAVA" booking-service/bench/Bench.java run \
  "http://localhost:$PORT" "$WORK" "$ROOT/docs/benchmarks.md" "$SERVICE" "$STUB_URL" "$STUB" "${BENCH_NOTE:-}"
