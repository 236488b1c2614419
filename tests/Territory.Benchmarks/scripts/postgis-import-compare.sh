#!/usr/bin/env bash
# PostGIS benchmark on the national synthetic set (`territory demo --national`: ~100 départements,
# 35,000 communes, 1,500 QPV, 250,000 estates), in a throwaway PostgreSQL 15 + PostGIS cluster:
#  1. the estates layer of national.gpkg imported into a PostGIS project whose communes and QPV are
#     loaded (`territory import … --into postgresql://…`: validation, commune + QPV joins, partitions by
#     département, one transaction), beside `ogr2ogr -f PostgreSQL` of the same layer, same run;
#  2. `territory analyse-departements` of that project (--parallel = the machine's cores): seconds per
#     département and in total.
# Each step runs under /usr/bin/time (wall, CPU of the client process, peak memory) with the load average; ogr2ogr
# and the import run alternately ROUNDS times (default 1), each import's ratio to the ogr2ogr run just before it.
# Usage: tests/Territory.Benchmarks/scripts/postgis-import-compare.sh [--import-only] [WORK_DIR]
#   --import-only  skips analyse-departements (while iterating on the import)
set -euo pipefail
import_only=false
if [ "${1:-}" = "--import-only" ]; then import_only=true; shift; fi
rounds="${ROUNDS:-1}"
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
source "$root/scripts/lib/postgis.sh"
ensure_debian_packages gdal-bin time postgresql-client-15
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
trap stop_test_postgis EXIT
start_test_postgis
pg="$TERRITORY_TEST_PG"
port="$PG_TEST_PORT"

"$root/scripts/territory" --help >/dev/null   # build once, outside the timings
cli=(dotnet "$root/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll")

timed() { # timed NAME COMMAND…: « | name | wall s | CPU s (user + sys) | peak MB | load before | »; the wall in $wall
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out.json" 2>"$work/err" || { tail -5 "$work/err" >&2; exit 1; }
  local user sys rss
  read -r wall user sys rss < "$work/time"
  printf '| %s | %s | %s | %d | %s |\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$load"
}

[ -f "$work/national.gpkg" ] || "${cli[@]}" demo --national --out "$work" --json > /dev/null
echo "national set: $(ogrinfo -so "$work/national.gpkg" programmes | grep "Feature Count")"
# The project: the whole set written by the generator (communes and QPV for the joins).
"${cli[@]}" demo --national --into "$pg?schema=nat" --json > /dev/null

echo "| step | wall s | CPU s (client) | peak MB | load |"
echo "|---|---:|---:|---:|---:|"
psql -q -h 127.0.0.1 -p "$port" -U postgres -d territory_test -c "CREATE SCHEMA IF NOT EXISTS anchor" >/dev/null
ratios=()
for _ in $(seq 1 "$rounds"); do
  timed "ogr2ogr -f PostgreSQL, estates layer (anchor)" ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$port user=postgres dbname=territory_test" \
    "$work/national.gpkg" programmes -nln anchor.estates -lco SPATIAL_INDEX=GIST -overwrite
  anchor=$wall
  timed "territory import --into postgresql://… (validation, joins, partitions)" "${cli[@]}" import "$work/national.gpkg" --layer programmes --as estates \
    --into "$pg?schema=nat" --json
  ratios+=("$(echo "scale=2; $wall / $anchor" | bc)")
done
echo "accepted: $(grep -o '"accepted": *[0-9]*' "$work/out.json" | head -n 1); import / ogr2ogr wall, each round: ${ratios[*]}"
$import_only && exit 0
timed "territory analyse-departements --parallel $(nproc)" "${cli[@]}" analyse-departements "$pg?schema=nat" --parallel "$(nproc)" --json
python3 - "$work/out.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
runs = sorted(r["runs"], key=lambda x: -x["seconds"])
secs = [x["seconds"] for x in runs]
print(f"\n{r['departements']} départements, {r['estates']} estates, {r['territories']} territories: {r['seconds']} s in total;"
      f" per département: median {sorted(secs)[len(secs)//2]} s, max {secs[0]} s ({runs[0]['departement']}), sum {round(sum(secs), 1)} s")
print("slowest:", ", ".join(f"{x['departement']} {x['seconds']} s ({x['estates']} estates)" for x in runs[:5]))
PY
