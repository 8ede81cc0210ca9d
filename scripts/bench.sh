#!/usr/bin/env bash
# Prints the figures the README records. Nothing here fails on a number: these are benchmarks, not tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== SPA release build (dist/) =="
node scripts/bench-size.mjs

echo
echo "== Reference server (loopback, release build) =="
cargo build --quiet --profile server -p aduan-server --example loadgen
loadgen=target/server/examples/loadgen
server=target/server/aduan-server
work=$(mktemp -d)
cleanup() { [[ -n "${pid:-}" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

start_server() { # data-dir port extra-args...
  local dir=$1 port=$2; shift 2
  # The load generators are one client with many connections: every per-client limit is off.
  "$server" --addr "127.0.0.1:$port" --data "$dir" --rate-limit 0 --stats-rate-limit 0 --search-rate-limit 0 \
    --operator-rate-limit 0 --max-connections-per-client 0 "$@" >"$dir.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1])' "http://127.0.0.1:$port/healthz" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "server did not start"; cat "$dir.log"; exit 1
}
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

p=$(port); start_server "$work/submit" "$p" --demo --demo-reports 5000
# Durable: every 201 is sent after the COMMIT that holds it is synced to disk (synchronous=FULL, group commit).
echo -n "durable "
"$loadgen" "http://127.0.0.1:$p" submit 4000 64
kill "$pid"; wait "$pid" 2>/dev/null || true

p=$(port)
t0=$(date +%s%N); start_server "$work/stats" "$p" --demo --demo-reports 100000 --static dist; t1=$(date +%s%N)
echo "seeding 100 000 demo reports and starting: $(( (t1 - t0) / 1000000 )) ms"
"$loadgen" "http://127.0.0.1:$p" stats 50 1
"$loadgen" "http://127.0.0.1:$p" stats 200 8

echo
echo "== Staff work queue, 100 000 reports (demo accounts; each tab answer counts every tab of the role) =="
sign_in() { # username password -> session token
  python3 - "http://127.0.0.1:$p/api/v1/staff/session" "$1" "$2" <<'PY'
import json, sys, urllib.request
body = json.dumps({"username": sys.argv[2], "password": sys.argv[3]}).encode()
req = urllib.request.Request(sys.argv[1], data=body, headers={"Content-Type": "application/json"})
print(json.load(urllib.request.urlopen(req))["token"])
PY
}
admin=$(sign_in admin demo-admin-2026)
officer=$(sign_in petugas-pupr demo-petugas-2026)
year_ago=$(date -u -d '1 year ago' +%F)
queue() { # token query label
  "$loadgen" "http://127.0.0.1:$p" get 200 1 "/api/v1/staff/queue$2" "$1" "$3"
}
queue "$admin" "" "queue, admin, default tab (to verify)"
queue "$admin" "?tab=all&category=jalan&from=$year_ago" "queue, admin, all in one category over a year"
queue "$officer" "" "queue, officer (Dinas PUPR), default tab (forwarded to me)"
queue "$officer" "?tab=all&region=cempaka&q=jalan" "queue, officer (Dinas PUPR), all in one district with words"
"$loadgen" "http://127.0.0.1:$p" get 400 8 "/api/v1/staff/queue" "$admin" "queue, admin, default tab"

echo
echo "== Monitoring, 100 000 reports (every agency's figures and the ranking; supervisor) =="
supervisor=$(sign_in pengawas demo-pengawas-2026)
month_start=$(date -u +%Y-%m-01)
monitoring() { # query label
  "$loadgen" "http://127.0.0.1:$p" get 200 1 "/api/v1/staff/monitoring$1" "$supervisor" "$2"
}
monitoring "" "monitoring, all time"
monitoring "?from=$year_ago" "monitoring, the last year"
monitoring "?from=$month_start&kind=complaint" "monitoring, complaints this month"
"$loadgen" "http://127.0.0.1:$p" get 200 1 "/api/v1/staff/monitoring.csv" "$supervisor" "monitoring CSV, all time"

echo
echo "== Statistics page in headless Chromium, 100 000 reports =="
node scripts/bench-stats.mjs "http://127.0.0.1:$p"

echo
echo "== Time to usable of every citizen page, emulated 3G and slow 4G (goals: 3G <= 5 s, slow 4G <= 2 s) =="
# Exits non-zero only when a page never became usable (it says which); the Lighthouse figures still follow.
node scripts/bench-usable.mjs "http://127.0.0.1:$p" || echo "(a page never became usable: see above)"

echo
echo "== Lighthouse 12, mobile preset (goals: performance >= 95, accessibility 100, best practices 100) =="
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
# Lighthouse varies from run to run: five runs a page (as Lighthouse's own guidance on variability advises), the
# median shown with the range.
# Every page a citizen can land on from a shared link, the tracking page with a public report that has a history.
ticket=$(python3 - "http://127.0.0.1:$p/api/v1/reports?status=completed&per_page=50" <<'PY'
import json, sys, urllib.request
print(next(r["ticket"] for r in json.load(urllib.request.urlopen(sys.argv[1]))["items"] if not r["confidential"]))
PY
)
for path in / /lapor /lacak "/lacak/$ticket" /laporan /statistik; do
  for run in 1 2 3 4 5; do
    CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse "http://127.0.0.1:$p$path" --quiet --output=json --output-path="$work/lighthouse-$run.json" \
      --chrome-flags="$flags" --only-categories=performance,accessibility,best-practices >/dev/null 2>&1 || { echo "$path: lighthouse failed"; continue 2; }
  done
  python3 - "$path" "$work"/lighthouse-{1,2,3,4,5}.json <<'PY'
import json, statistics, sys
reports = [json.load(open(f)) for f in sys.argv[2:]]
def median(get):
    values = sorted(get(r) for r in reports)
    return statistics.median(values), values[0], values[-1]
score = lambda key: median(lambda r: round(r["categories"][key]["score"] * 100))
audit = lambda key: median(lambda r: r["audits"][key]["numericValue"])[0]
perf, low, high = score("performance")
print(f"{sys.argv[1]:<18} performance {perf:>3} ({low}-{high})  accessibility {score('accessibility')[0]:>3}  "
      f"best practices {score('best-practices')[0]:>3}  LCP {audit('largest-contentful-paint') / 1000:.1f} s  "
      f"TBT {audit('total-blocking-time'):.0f} ms  CLS {audit('cumulative-layout-shift'):.3f}")
PY
done
