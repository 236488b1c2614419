#!/usr/bin/env bash
# PostGIS store at national scale (docs/benchmarks.md, section « PostGIS store (national scale) »):
# the national synthetic set (territory demo --national) imported into PostGIS by `territory import`
# against `ogr2ogr` of the same GeoPackage layers into the same server, in the same run (best of 3
# each, every layer into a fresh schema); then `territory analyse-departements` on all départements
# with 2 workers, again with nothing changed, and after one estate added in one département.
# A throwaway PostgreSQL 15 + PostGIS is started unless TERRITORY_BENCH_PG names a database.
# Usage: tests/Territory.Benchmarks/scripts/postgis-national.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
source "$root/scripts/lib/postgis.sh"
ensure_debian_packages gdal-bin postgresql-15-postgis-3
work="${1:-/tmp/territory-national}"
mkdir -p "$work"
if [ -z "${TERRITORY_BENCH_PG:-}" ]; then
  start_test_postgis
  trap stop_test_postgis EXIT
  TERRITORY_BENCH_PG="$TERRITORY_TEST_PG"
fi
pg="$TERRITORY_BENCH_PG"
# ogr2ogr's connection string from the URI (postgresql://USER@HOST:PORT/DB).
rest="${pg#*://}"; user="${rest%%@*}"; rest="${rest#*@}"; hostport="${rest%%/*}"; db="${rest#*/}"; db="${db%%\?*}"
ogrpg="PG:host=${hostport%%:*} port=${hostport##*:} user=${user%%:*} dbname=$db"
"$root/scripts/territory" --help >/dev/null   # build once, outside the timings
cli="dotnet $root/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll"
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
now() { date +%s.%N; }
psqlc() { psql "$pg" -qAtc "$1"; }

[ -f "$work/national.gpkg" ] || $cli demo --national --out "$work" --json | tail -n +2 | head -8
layers="communes:communes qpv:qpv agences:agencies programmes:estates"

echo "== import: territory vs ogr2ogr (same file, same server), seconds, best of 3"
load
for pair in $layers; do
  layer="${pair%%:*}"; kind="${pair##*:}"
  best_t=""; best_o=""
  for run in 1 2 3; do
    psqlc "DROP SCHEMA IF EXISTS bench_t CASCADE; DROP SCHEMA IF EXISTS bench_o CASCADE; CREATE SCHEMA bench_o"
    # territory: a new project schema, this layer alone (no reference layer: no spatial join, like ogr2ogr).
    t0=$(now); $cli import "$work/national.gpkg" --layer "$layer" --into "$pg?schema=bench_t" --as "$kind" --report "$work/bench_t.import-$kind.csv" --json >/dev/null; t1=$(now)
    # ogr2ogr: COPY (its default for a new table), GiST index, geometry column named geom.
    o0=$(now); ogr2ogr -f PostgreSQL "$ogrpg" "$work/national.gpkg" "$layer" -nln "bench_o.$layer" -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST -lco FID=fid; o1=$(now)
    t=$(echo "$t1 - $t0" | bc); o=$(echo "$o1 - $o0" | bc)
    [ -z "$best_t" ] || [ "$(echo "$t < $best_t" | bc)" = 1 ] && best_t=$t
    [ -z "$best_o" ] || [ "$(echo "$o < $best_o" | bc)" = 1 ] && best_o=$o
  done
  rows=$(psqlc "SELECT count(*) FROM bench_o.$layer")
  printf "| %s | %s | %.2f | %.2f | %.2f× |\n" "$layer" "$rows" "$best_t" "$best_o" "$(echo "$best_t / $best_o" | bc -l)"
done
load

echo "== the whole set into one project (reference layers first: estates joined to communes and QPV)"
psqlc "DROP SCHEMA IF EXISTS national CASCADE"
t0=$(now)
for pair in communes:communes qpv:qpv agences:agencies programmes:estates; do
  $cli import "$work/national.gpkg" --layer "${pair%%:*}" --into "$pg?schema=national" --as "${pair##*:}" --report "$work/national.import-${pair##*:}.csv" --json >/dev/null
done
t1=$(now); echo "whole set: $(echo "$t1 - $t0" | bc) s"
psqlc "SELECT 'partitions: ' || count(*) FROM pg_inherits WHERE inhparent = 'national.estates'::regclass"

echo "== analyse-departements, 2 workers"
load
t0=$(now); $cli analyse-departements "$pg?schema=national" --parallel 2 --json > "$work/departements-1.json"; t1=$(now)
echo "all départements: $(echo "$t1 - $t0" | bc) s ($(grep -c '"reused": false' "$work/departements-1.json") computed)"
t0=$(now); $cli analyse-departements "$pg?schema=national" --parallel 2 --json > "$work/departements-2.json"; t1=$(now)
echo "nothing changed: $(echo "$t1 - $t0" | bc) s ($(grep -c '"reused": true' "$work/departements-2.json") reused)"
printf 'id;nb_logements;depcom;x;y\nNEW-1;12;31001;212000;6402000\n' > "$work/one.csv"
$cli import "$work/one.csv" --into "$pg?schema=national" --as estates --append --crs EPSG:2154 --report "$work/national.import-one.csv" --json >/dev/null
t0=$(now); $cli analyse-departements "$pg?schema=national" --parallel 2 --json > "$work/departements-3.json"; t1=$(now)
echo "one estate added in 31: $(echo "$t1 - $t0" | bc) s ($(grep -c '"reused": false' "$work/departements-3.json") computed)"
load
