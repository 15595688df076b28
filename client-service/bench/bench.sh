#!/usr/bin/env bash
# Benchmark of client-service: last-name search and profile reads over HTTP with 50,000 clients in the
# database client_bench (created if missing). Builds the jar if needed, starts it on port 18083 with a local
# signing key instead of Keycloak, seeds the clients, measures, stops the service and writes the
# client-service section of docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="$JAVA_HOME/bin/java"
PORT=${BENCH_PORT:-18083}
WORK=client-service/target/bench
DB=client_bench
export PGPASSWORD=${PGPASSWORD:-clinic}
PSQL=(psql -h 127.0.0.1 -U clinic -d "$DB" -v ON_ERROR_STOP=1)

if ! "${PSQL[@]}" -c 'select 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -c "create database $DB owner clinic"
fi
if [[ ! -f client-service/target/quarkus-app/quarkus-run.jar ]]; then
  ./mvnw -B -q -pl client-service package -DskipTests
fi

mkdir -p "$WORK"
"$JAVA" client-service/bench/Bench.java keygen "$WORK"

# Flyway migrates client_bench at start; the service trusts only tokens signed with the bench key.
"$JAVA" -Xmx512m \
  -Dquarkus.http.port="$PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:5432/$DB" \
  -Dquarkus.oidc.public-key="$(cat "$WORK/public.key")" \
  -Dquarkus.oidc.token.issuer=bench \
  -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.log.level=WARN \
  -jar client-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $SERVICE 2>/dev/null; then cat "$WORK/service.log"; exit 1; fi
  sleep 0.5
done
curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null

"${PSQL[@]}" -q -f client-service/bench/seed.sql
echo "clients: $("${PSQL[@]}" -tA -c 'select count(*) from client')"
"${PSQL[@]}" -tA -c "select id from client where status = 'active' order by random() limit 5000" >"$WORK/ids.txt"
"${PSQL[@]}" -tA -c "select distinct last_name from client" >"$WORK/names.txt"
"${PSQL[@]}" -tA -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF)
  SELECT * FROM client WHERE lower(last_name) LIKE 'nakura%' AND status = 'active'
  ORDER BY lower(last_name), lower(first_name), id LIMIT 20" >"$WORK/plan.txt"

# Context for the figures: how long one durable commit takes on this database right now (every request
# commits its access-log entry, so disk flush latency shows directly in the tail).
"${PSQL[@]}" -q -c 'create table if not exists bench_commit_probe (x int)'
{ echo '\timing on'; for _ in $(seq 1 50); do echo 'insert into bench_commit_probe values (1);'; done; } \
  | "${PSQL[@]}" -q | grep -oE '^Time: [0-9.]+' | awk '{print $2}' >"$WORK/commit.txt"
"${PSQL[@]}" -q -c 'drop table bench_commit_probe'

"$JAVA" client-service/bench/Bench.java run "http://localhost:$PORT" "$WORK" "$ROOT/docs/benchmarks.md"
