#!/usr/bin/env bash
# Renders the committed Grafana dashboard with real data from a stack started by ./clinic up [--replicas 2]:
# a local Prometheus (Debian's `prometheus` package) scrapes every part's management port every 5 s and loads the
# committed alert rules, real calls go through the gateway(s) for MINUTES minutes, then render-dashboard.py draws
# each panel from its own PromQL (Grafana itself is not packaged for Debian). Needs: prometheus, python3-matplotlib.
#   deploy/monitoring/render-dashboard.sh [MINUTES] [OUT.png]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MINUTES="${1:-4}"
OUT="${2:-$ROOT/docs/images/operations-dashboard.png}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9099}"
KEYCLOAK="http://localhost:${CLINIC_KEYCLOAK_PORT:-8180}/realms/clinic/protocol/openid-connect/token"
WORK="$(mktemp -d)"

command -v prometheus >/dev/null || { echo "apt-get install prometheus" >&2; exit 1; }
/usr/bin/python3 -c "import matplotlib" 2>/dev/null || { echo "apt-get install python3-matplotlib" >&2; exit 1; }

# Scrape targets: the fixed management ports of ./clinic up, plus the replicas it recorded.
targets() {
    printf '%s\n' gateway:9080 booking-service:9081 injury-service:9082 client-service:9083 fhir-service:9084
    if [ -f "$ROOT/.clinic/replicas" ]; then
        while IFS=: read -r name _ management; do printf '%s:%s\n' "${name%-2}" "$management"; done < "$ROOT/.clinic/replicas"
    fi
}
{
    printf 'global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\nrule_files:\n  - %s\nscrape_configs:\n' \
        "$ROOT/deploy/monitoring/prometheus/alerts.yml"
    printf '  - job_name: clinic\n    metrics_path: /q/metrics\n    static_configs:\n'
    targets | while IFS=: read -r service port; do
        printf '      - targets: ["localhost:%s"]\n        labels: {service: %s}\n' "$port" "$service"
    done
} > "$WORK/prometheus.yml"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" > "$WORK/prometheus.log" 2>&1 &
PROMETHEUS_PID=$!
trap 'kill "$PROMETHEUS_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

GATEWAYS=(http://localhost:8080)
if [ -f "$ROOT/.clinic/replicas" ]; then
    port=$(awk -F: '$1 == "gateway-2" {print $2}' "$ROOT/.clinic/replicas")
    [ -z "$port" ] || GATEWAYS+=("http://localhost:$port")
fi
token() {
    curl -fs -d grant_type=password -d client_id=clinic-web -d username="$1" -d password="$1" "$KEYCLOAK" \
        | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
json_field() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

ALICE=$(token alice)
curl -fs -o /dev/null -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
    -d '{"firstName": "Alice", "lastName": "Runner"}' "${GATEWAYS[0]}/api/v1/clients" || true

echo "real traffic for $MINUTES minutes through ${GATEWAYS[*]}"
END=$((SECONDS + MINUTES * 60))
i=0
while [ $SECONDS -lt $END ]; do
    gw="${GATEWAYS[$((i % ${#GATEWAYS[@]}))]}"
    i=$((i + 1))
    curl -fs -o /dev/null "$gw/api/v1/locations" || true
    curl -fs -o /dev/null "$gw/api/v1/injuries" || true
    curl -s -o /dev/null "$gw/api/v1/practitioners/00000000-0000-0000-0000-000000000000" || true
    from=$(date -u -d "+$((3 + i % 20)) days" +%F)
    slot=$(curl -fs -H "Authorization: Bearer $ALICE" \
        "$gw/api/v1/availability?appointmentType=sports-massage-60&from=$from&to=$from" | json_field 'json.dumps(d["items"][0]) if d["items"] else ""' 2>/dev/null || true)
    if [ -n "$slot" ]; then
        for attempt in 1 2; do # the second is the same slot again: a conflict
            id=$(curl -s -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
                -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d "$slot" "$gw/api/v1/appointments" \
                | json_field 'd.get("id", "")' 2>/dev/null || true)
        done
        if [ $((i % 3)) = 0 ] && [ -n "$id" ]; then
            curl -s -o /dev/null -H "Authorization: Bearer $ALICE" -H 'Content-Type: application/json' \
                -d '{"reason": "dashboard traffic", "waiveLateCancellation": false}' "$gw/api/v1/appointments/$id/cancel"
        fi
    fi
    curl -s -o /dev/null "$gw/api/v1/appointments" || true # 401 without a token
    if [ $((i % 40)) = 0 ]; then
        ALICE=$(token alice) # tokens live five minutes
    fi
    if [ $((i % 25)) = 0 ]; then # a burst past the anonymous limit: 429s
        for _ in $(seq 1 320); do curl -s -o /dev/null "$gw/api/v1/locations"; done
    fi
done

mkdir -p "$(dirname "$OUT")"
/usr/bin/python3 "$ROOT/deploy/monitoring/render-dashboard.py" "http://127.0.0.1:$PROMETHEUS_PORT" \
    "$ROOT/deploy/monitoring/grafana/dashboards/clinic-overview.json" "$OUT" "$MINUTES" 1m
curl -fs "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/rules" | json_field '", ".join(r["name"] + "=" + r["state"] for g in d["data"]["groups"] for r in g["rules"])' \
    | sed 's/^/alert rules loaded: /'
