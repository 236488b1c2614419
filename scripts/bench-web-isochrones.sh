#!/usr/bin/env bash
# Isochrone endpoint under load (issue target: p95 ≤ 50 ms, 50 concurrent clients, loopback).
# Starts the Release map server on a project (default: the 50,000-estate copy made by
# `dotnet run -c Release --project tests/Territory.Benchmarks -- web-project /tmp/territory-web-50k`),
# then drives it with wrk: 50 connections, 30 s each run:
#   1. /api/isochrones at random points around the estates (uncached: a new point per request),
#   1b. the same with 50 interactive clients (each waits 0.5–1.5 s between requests: wrk's delay()),
#   2. /api/agencies/{id}/isochrones in turn (cached after the first answer),
#   3. anchor: /api/project under the same load, and single uncached isochrone requests one at a time.
# Usage: scripts/bench-web-isochrones.sh [PROJECT.gpkg] [DURATION=30s] [CONNECTIONS=50]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
project="${1:-/tmp/territory-web-50k/habitat-demo-50k.gpkg}"
duration="${2:-30s}"
connections="${3:-50}"
port=5095
base="http://127.0.0.1:$port"
dll=src/Territory.Web/bin/Release/net10.0/linux-x64/Territory.Web.dll

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$dll" ] || dotnet build -c Release src/Territory.Web -v q -nologo
if [ ! -f "$project" ]; then
  dotnet run -c Release --project tests/Territory.Benchmarks -- web-project "$(dirname "$project")"
fi

work="$(mktemp -d)"
dotnet "$dll" --project "$project" --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
start=$(date +%s.%N)
until curl -sf "$base/api/project" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); server ready in $(echo "$(date +%s.%N) - $start" | bc) s on $(basename "$project")"

# Estate positions and agency ids for the Lua scripts.
curl -s "$base/api/layers/estates" >"$work/estates.json"
curl -s "$base/api/layers/agencies" >"$work/agencies.json"
python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
estates = json.load(open(f"{work}/estates.json"))["features"]
points = sorted({(round(f["geometry"]["coordinates"][0], 4), round(f["geometry"]["coordinates"][1], 4)) for f in estates})
random.Random(2026).shuffle(points)
points = points[:5000]
agencies = [f["properties"]["id"] for f in json.load(open(f"{work}/agencies.json"))["features"]]
done = r'''
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("  %d requests, %d errors, %.0f req/s\n", summary.requests, errors, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("  p50 %.1f ms  p90 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
'''
with open(f"{work}/points.lua", "w") as out:
    out.write("local pts = {" + ",".join(f"{{{x},{y}}}" for x, y in points) + "}\n")
    out.write(r'''
local counter = 0
setup = function(thread) counter = counter + 1; thread:set("seed", counter) end
init = function(args) math.randomseed(os.time() * 100 + (seed or 0)) end
request = function()
  -- Up to ~300 m from an estate, to 1e-6°: the server caches by 1e-5°, so every request computes.
  local p = pts[math.random(#pts)]
  local lon = p[1] + (math.random() - 0.5) * 0.008
  local lat = p[2] + (math.random() - 0.5) * 0.006
  return wrk.format("GET", string.format("/api/isochrones?lon=%.6f&lat=%.6f&minutes=10,20,30", lon, lat))
end
''' + done)
with open(f"{work}/points-think.lua", "w") as out:
    out.write(open(f"{work}/points.lua").read().replace("done = function", "delay = function() return math.random(500, 1500) end\ndone = function", 1))
with open(f"{work}/agencies.lua", "w") as out:
    out.write("local ids = {" + ",".join(json.dumps(a) for a in agencies) + "}\n")
    out.write(r'''
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/agencies/" .. ids[(i % #ids) + 1] .. "/isochrones?minutes=10,20,30")
end
''' + done)
with open(f"{work}/plain.lua", "w") as out:
    out.write(done)
print(f"{len(points)} distinct estate positions, {len(agencies)} agencies")
PY

echo "single uncached isochrone, one request at a time (20 points, anchor):"
python3 - "$base" <<'PY'
import json, random, statistics, sys, time, urllib.request
base = sys.argv[1]
rnd = random.Random(7)
est = json.load(urllib.request.urlopen(f"{base}/api/layers/estates"))["features"]
times, sizes = [], []
for _ in range(20):
    lon, lat = rnd.choice(est)["geometry"]["coordinates"]
    url = f"{base}/api/isochrones?lon={lon + rnd.uniform(-0.004, 0.004):.6f}&lat={lat + rnd.uniform(-0.003, 0.003):.6f}&minutes=10,20,30"
    t = time.perf_counter(); body = urllib.request.urlopen(url).read(); times.append((time.perf_counter() - t) * 1000); sizes.append(len(body))
print(f"  median {statistics.median(times):.1f} ms, max {max(times):.1f} ms; answer median {statistics.median(sizes) / 1000:.0f} KB raw")
PY

echo "uncached: /api/isochrones at random points, $connections connections, $duration:"
wrk -t2 -c"$connections" -d"$duration" -s "$work/points.lua" "$base" | grep -v "^Running\|threads and\|Latency\|Req/Sec\|requests in\|Requests/sec\|Transfer/sec\|Thread Stats" || true
echo "uncached, interactive: $connections clients each waiting 0.5-1.5 s between requests, $duration:"
wrk -t2 -c"$connections" -d"$duration" -s "$work/points-think.lua" "$base" | grep -v "^Running\|threads and\|Latency\|Req/Sec\|requests in\|Requests/sec\|Transfer/sec\|Thread Stats" || true
echo "cached: /api/agencies/{id}/isochrones, $connections connections, $duration:"
wrk -t2 -c"$connections" -d"$duration" -s "$work/agencies.lua" "$base" | grep -v "^Running\|threads and\|Latency\|Req/Sec\|requests in\|Requests/sec\|Transfer/sec\|Thread Stats" || true
echo "anchor: /api/project, $connections connections, $duration:"
wrk -t2 -c"$connections" -d"$duration" -s "$work/plain.lua" "$base/api/project" | grep -v "^Running\|threads and\|Latency\|Req/Sec\|requests in\|Requests/sec\|Transfer/sec\|Thread Stats" || true
