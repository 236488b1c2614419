#!/usr/bin/env bash
# Scaling table (docs/benchmarks.md, « Scaling: one generator, 1,500 → 150,000 estates »). For each size N the
# project comes from the one generator (`territory demo --estates N`); every step is a separate process of the
# Release CLI, timed by /usr/bin/time (wall, user + system CPU, peak resident memory) with the load average before and after:
#   demo, import (the estates layer read again from a copy of the project: GeoPackage reader, validation, joins,
#   one transaction) with ogr2ogr copying the same layer as its anchor, roads build (graph + contraction hierarchy),
#   traveltimes and analyse on fresh copies (nothing stored), analyse again (stored analysis), serve start-up
#   with nothing stored (the anchor: computes and stores) and with the analysis stored by `analyse`, and the first
#   full render of the map in headless Chromium on the latter.
# Usage: tests/Territory.Benchmarks/scripts/scale.sh [WORK_DIR] [N...]   (default /tmp/territory-scale, 1500 15000 50000 150000)
# SCALE_RENDER=0 leaves out the first render in a browser.
# SCALE_STEPS=serve re-measures only analyse and the two serve start-ups on the projects of an earlier run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${1:-/tmp/territory-scale}"
shift || true
sizes="${*:-1500 15000 50000 150000}"
mkdir -p "$work"
dotnet build "$root/src/Territory.Cli" -c Release -v quiet -nologo >&2
dotnet build "$root/tests/Territory.Benchmarks" -c Release -v quiet -nologo >&2
cli=(dotnet "$root/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll")
bench=(dotnet "$root/tests/Territory.Benchmarks/bin/Release/net10.0/linux-x64/Territory.Benchmarks.dll")
results="$work/results.tsv"
: > "$results"
load() { cut -d' ' -f1-3 /proc/loadavg; }
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" | tee -a "$results"; }

# measure N STEP COMMAND…: one run, wall and user seconds, peak memory.
measure() {
  local n=$1 step=$2; shift 2
  local before; before=$(load)
  if ! /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > "$work/last.out" 2> "$work/last.err"; then
    echo "$step ($n) failed:" >&2; tail -5 "$work/last.err" >&2; exit 1
  fi
  local wall user system kb; read -r wall user system kb < "$work/time.txt"
  record "$n" "$step" "$wall" "$(echo "$user + $system" | bc)" "$((kb / 1024))" "$before" "$(load)"
}

# serve_start N STEP PROJECT PORT: seconds from the process start to the map answering /api/project; peak memory then.
serve_start() {
  local n=$1 step=$2 project=$3 port=$4
  local before; before=$(load)
  local t0; t0=$(date +%s.%N)
  "${cli[@]}" serve "$project" --port "$port" > "$work/serve.out" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/project"; do
    kill -0 "$pid" 2>/dev/null || { echo "serve ($n) stopped:" >&2; tail -5 "$work/serve.out" >&2; exit 1; }
    sleep 0.05
  done
  local t1; t1=$(date +%s.%N)
  local kb; kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  local user; user=$(awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  record "$n" "$step" "$(echo "$t1 - $t0" | bc)" "$user" "$((kb / 1024))" "$before" "$(load)"
}

copy_project() { # copy_project FROM TO: the project with its graph and hierarchy
  cp "$1" "$2"; cp "${1%.gpkg}.roads.graph" "${2%.gpkg}.roads.graph"
  [ -f "${1%.gpkg}.roads.ch" ] && cp "${1%.gpkg}.roads.ch" "${2%.gpkg}.roads.ch"; true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; columns: N, step, wall s, CPU s (user + system), peak MB, load before, load after"
port=5190
for n in $sizes; do
  dir="$work/$n"
  if [ "${SCALE_STEPS:-all}" = serve ]; then
    p="$dir/habitat-demo-$n.gpkg"
    copy_project "$p" "$dir/analyse.gpkg"; copy_project "$p" "$dir/cold.gpkg"
    measure "$n" "analyse (nothing stored)" "${cli[@]}" analyse "$dir/analyse.gpkg" --json
    measure "$n" "analyse (stored analysis)" "${cli[@]}" analyse "$dir/analyse.gpkg" --json
    serve_start "$n" "serve start-up, nothing stored (anchor)" "$dir/cold.gpkg" $((port++))
    serve_start "$n" "serve start-up, analysis stored" "$dir/analyse.gpkg" $((port++))
    continue
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  measure "$n" demo "${cli[@]}" demo --out "$dir" --estates "$n" --json
  p="$dir/habitat-demo-$n.gpkg"
  cp "$p" "$dir/source.gpkg"
  measure "$n" "import (GeoPackage layer, validation, joins)" "${cli[@]}" import "$dir/source.gpkg" --layer estates --as estates --into "$p" --json
  measure "$n" "anchor: ogr2ogr same layer" ogr2ogr -f GPKG "$dir/ogr.gpkg" "$dir/source.gpkg" estates
  measure "$n" "roads build (graph + hierarchy)" "${cli[@]}" roads build "$dir/habitat-demo-$n.osm.pbf" --into "$p" --json
  for copy in travel analyse cold; do copy_project "$p" "$dir/$copy.gpkg"; done
  measure "$n" "traveltimes" "${cli[@]}" traveltimes "$dir/travel.gpkg" --json
  measure "$n" "analyse (nothing stored)" "${cli[@]}" analyse "$dir/analyse.gpkg" --json
  measure "$n" "analyse (stored analysis)" "${cli[@]}" analyse "$dir/analyse.gpkg" --json
  serve_start "$n" "serve start-up, nothing stored (anchor)" "$dir/cold.gpkg" $((port++))
  serve_start "$n" "serve start-up, analysis stored" "$dir/analyse.gpkg" $((port++))
  if [ "${SCALE_RENDER:-1}" = 1 ]; then   # SCALE_RENDER=0: no browser
    echo "first render ($n), load $(load):"
    "${bench[@]}" web-render "$dir" 1 180 analyse.gpkg | grep -E "listening|first full render|not ready" || true
  fi
done
python3 - "$results" <<'PY'
import math, sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
by = collections.defaultdict(dict)
for n, step, wall, *_ in rows:
    by[step][int(n)] = float(wall)
print("\ngrowth exponents (log of the time ratio / log of the size ratio, smallest to largest size):")
for step, t in by.items():
    sizes = sorted(t)
    if len(sizes) > 1 and t[sizes[0]] > 0:
        print(f"  {step}: {math.log(t[sizes[-1]] / t[sizes[0]]) / math.log(sizes[-1] / sizes[0]):.2f}")
PY
