#!/usr/bin/env bash
# Lighthouse (mobile) on the lobby of a production build: `npm run lighthouse -w @pitboss/e2e` after `npm run build`.
# Runs inside with-database (a fresh, seeded database), starts `next start` of apps/web, runs Lighthouse RUNS times
# (default 3) with Chromium at CHROME_PATH (default /usr/bin/chromium) and prints each run's scores and metrics.
set -euo pipefail
cd "$(dirname "$0")/../apps/web"
port="${LIGHTHOUSE_PORT:-3300}"
# Its own process group, so the exit trap stops next-server too (not just the npx wrapper).
PITBOSS_DEMO=1 AUTH_SECRET="${AUTH_SECRET:-lighthouse-only-session-secret-0123456789}" LOG_LEVEL=warn \
  setsid npx next start --port "$port" >"${LIGHTHOUSE_SERVER_LOG:-/dev/null}" 2>&1 &
server=$!
trap 'kill -- "-$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 1; done
curl -s -o /dev/null "http://127.0.0.1:$port/" # one warm-up request, as a CDN-fronted deployment would have had
out="$(mktemp -d)"
for run in $(seq 1 "${RUNS:-3}"); do
  CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" npx --yes lighthouse@12 "http://127.0.0.1:$port/" \
    --form-factor=mobile --only-categories=performance,accessibility \
    --chrome-flags="--headless=new --no-sandbox" --output=json --output-path="$out/run-$run.json" --quiet
  node -e '
    const r = require(process.argv[1]);
    const a = (id) => r.audits[id].displayValue;
    console.log(`run ${process.argv[2]}: performance ${r.categories.performance.score * 100}, accessibility ${r.categories.accessibility.score * 100}, FCP ${a("first-contentful-paint")}, LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")}, SI ${a("speed-index")}`);
  ' "$out/run-$run.json" "$run"
done
