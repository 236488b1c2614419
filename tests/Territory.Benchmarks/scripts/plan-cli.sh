#!/usr/bin/env bash
# Times `territory plan sites` / `plan rounds` / `scenario compare` end to end, as a user runs them (Release build,
# one process per command, JSON figures kept), on:
#   - the demo project with its road network (built here from geodata/demo/habitat-demo.osm.pbf);
#   - Haute-Garonne + Tarn: communes, QPV, the synthetic landlord of the real-geography tests, the France Services
#     points imported as candidates (straight-line times: no OSM extract covers the area). The project is the one
#     PlanGaronneTarnTests builds, copied out through TERRITORY_PLAN_BENCH_DIR.
# Each problem runs in --mode auto (heuristic, then the exact solver when the model is small enough) and
# --mode heuristic. Anchor measured in the same run: `territory traveltimes` on the demo (agencies × estates on the
# road graph). PySAL spopt is reported as installed or not; the spopt formulation solved by CBC is planning-compare.sh.
#
# Usage (repo root): tests/Territory.Benchmarks/scripts/plan-cli.sh [work_dir]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/territory-plan.XXXXXX)}"
mkdir -p "$WORK"
echo "work dir: $WORK"
echo "load before: $(uptime)"
dotnet build -c Release "$ROOT/src/Territory.Cli" -v quiet -nologo >/dev/null
T() { dotnet "$ROOT/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll" "$@"; }
/usr/bin/python3 -c "import spopt" 2>/dev/null && echo "spopt: installed" || echo "spopt: not installed (PySAL spopt is not available here; see planning-compare.sh for its MCLP formulation solved by CBC)"

cat > "$WORK/summary.py" <<'PY'
import json, sys
d = json.load(sys.stdin)
gap = d.get("gap")
bound = d.get("bound")
print(f"  {sys.argv[1]:<34} sites={d['count']:>3} covered={d['covered_dwellings']:>6}/{d['total_dwellings']:<6} "
      f"objective={d['objective']:.0f} bound={'-' if bound is None else round(bound)} gap={'-' if gap is None else format(gap, '.4f')} "
      f"optimal={d['optimal']} method={d['method']} solve_s={d['solve_seconds']:.2f} total_s={d['seconds']:.2f} times={d['time_source']}")
PY
summary() { /usr/bin/python3 "$WORK/summary.py" "$1"; }

timed() { # label, then the command
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$WORK/out.json"
  end=$(date +%s.%N)
  summary "$label" < "$WORK/out.json"
  echo "    wall (process) $(echo "$end - $start" | bc) s"
}

run_problems() { # project, extra args for every run
  local p="$1"; shift
  for mode in auto heuristic; do
    timed "mclp T=20 --new 5 ($mode)" T plan sites "$p" --problem mclp --minutes 20 --new 5 --mode "$mode" --json "$@"
    timed "lscp T=30 ($mode)" T plan sites "$p" --problem lscp --minutes 30 --mode "$mode" --json "$@"
    timed "pmedian T=45 --new 5 ($mode)" T plan sites "$p" --problem pmedian --minutes 45 --new 5 --mode "$mode" --json "$@"
  done
}

echo "== demo (road network)"
cp "$ROOT/geodata/demo/habitat-demo.gpkg" "$WORK/demo.gpkg"
T roads build "$ROOT/geodata/demo/habitat-demo.osm.pbf" --into "$WORK/demo.gpkg" >/dev/null
start=$(date +%s.%N); T traveltimes "$WORK/demo.gpkg" >/dev/null; end=$(date +%s.%N)
echo "  anchor: territory traveltimes (10 agencies × 1,495 estates on the road graph) $(echo "$end - $start" | bc) s"
run_problems "$WORK/demo.gpkg"
T plan sites "$WORK/demo.gpkg" --problem lscp --minutes 15 --no-existing --kind arret_agence_mobile --save-scenario tournee --json >/dev/null
start=$(date +%s.%N); T plan rounds "$WORK/demo.gpkg" --base AG-NORD --scenario tournee --json > "$WORK/rounds.json"; end=$(date +%s.%N)
/usr/bin/python3 - "$WORK/rounds.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
planned = sum(len(x["stops"]) for x in d["days"])
print(f"  rounds from AG-NORD: {planned} stops planned, {len(d['unplanned'])} left out, {d['weekly_drive_hours']:.1f} h driving a week, solver {d['seconds']:.1f} s")
PY
echo "    wall (process) $(echo "$end - $start" | bc) s"
T plan sites "$WORK/demo.gpkg" --problem mclp --minutes 20 --new 5 --save-scenario relais --json >/dev/null
start=$(date +%s.%N); T scenario compare "$WORK/demo.gpkg" relais tournee --json >/dev/null; end=$(date +%s.%N)
echo "  scenario compare (saved state + 2 scenarios, each: travel review, analysis, round): $(echo "$end - $start" | bc) s"

echo "== Haute-Garonne + Tarn, France Services as candidates (straight line)"
TERRITORY_PLAN_BENCH_DIR="$WORK" dotnet test "$ROOT/tests/Territory.Cli.Tests" --filter "FullyQualifiedName~PlanGaronneTarn" -v quiet -nologo >/dev/null
run_problems "$WORK/garonne-tarn.gpkg"
echo "load after: $(uptime)"
