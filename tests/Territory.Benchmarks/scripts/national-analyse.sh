#!/usr/bin/env bash
# The national synthetic set (`territory demo --national`: 96 départements, 249,657 estates, 1,056 presence points, no road
# graph: straight-line times) analysed whole and served, on a GeoPackage and on PostGIS (a throwaway PostgreSQL 15 + PostGIS
# cluster): `territory analyse` of each store, `analyse-departements --parallel 2` (PostGIS), then the start of
# `territory serve` on each (wall until GET /api/project answers, CPU of the server process, its peak resident memory).
# Experiments run under an 8 GB managed heap limit so that an out-of-memory never takes the shared machine down.
# Usage: tests/Territory.Benchmarks/scripts/national-analyse.sh [WORK_DIR] [DEPARTEMENTS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
source "$root/scripts/lib/postgis.sh"
ensure_debian_packages time postgresql-client-15 curl bc
work="${1:-$(mktemp -d)}"
departements="${2:-96}"
mkdir -p "$work"
trap stop_test_postgis EXIT
start_test_postgis
pg="$TERRITORY_TEST_PG?schema=nat"
export DOTNET_GCHeapHardLimit=0x200000000

"$root/scripts/territory" --help >/dev/null   # build once, outside the timings
cli=(dotnet "$root/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll")

timed() { # timed NAME COMMAND…: « | name | wall s | CPU s (user + sys) | peak MB | load before | »
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out.json" 2>"$work/err" || { tail -5 "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  printf '| %s | %s | %s | %d | %s |\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$load"
}

serve_start() { # serve_start NAME PROJECT PORT: the same row for the server's start (until the map's first answer)
  local name="$1" project="$2" port="$3"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local start; start=$(date +%s.%N)
  "${cli[@]}" serve "$project" --port "$port" >"$work/serve-$name.out" 2>&1 &
  local pid=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/project" 2>/dev/null | grep -q 200; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve-$name.out" >&2; exit 1; }
    sleep 0.2
  done
  local wall; wall=$(echo "$(date +%s.%N) - $start" | bc)
  local cpu; cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat")
  local rss; rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  printf '| %s | %.2f | %s | %d | %s |\n' "$name" "$wall" "$cpu" "$rss" "$load"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

"${cli[@]}" demo --national --departements "$departements" --into "$work/national.gpkg" --json > /dev/null
"${cli[@]}" demo --national --departements "$departements" --into "$pg" --json > /dev/null
echo "| step ($departements départements) | wall s | CPU s | peak MB | load |"
echo "|---|---:|---:|---:|---:|"
timed "territory analyse (GeoPackage)" "${cli[@]}" analyse "$work/national.gpkg" --json
timed "territory analyse (PostGIS)" "${cli[@]}" analyse "$pg" --json
timed "territory analyse-departements --parallel 2 (PostGIS)" "${cli[@]}" analyse-departements "$pg" --parallel 2 --json
serve_start "territory serve start (GeoPackage, stored analysis)" "$work/national.gpkg" 5391
serve_start "territory serve start (PostGIS, stored analysis)" "$pg" 5392
