#!/usr/bin/env bash
# Vector tiles and the national view (docs/benchmarks.md, « Tuiles vectorielles et vue nationale »):
# the national synthetic set (territory demo --national --departements N) as a GeoPackage project and as a
# PostGIS schema, each analysed (`territory analyse` + `territory traveltimes` write the territories and the
# travel review layer the PostGIS tiles join); then, on each, 50 clients on loopback: GET /api/project (anchor) and the tiles of
# random 1280×800 views at zooms 5–14 (tile-load; after the server prepared the state; then clients revalidating with ETags); finally the first render of the national view in
# headless Chromium (web-render) on the GeoPackage project.
# A throwaway PostgreSQL 15 + PostGIS is started unless TERRITORY_BENCH_PG names a database.
# Usage: tests/Territory.Benchmarks/scripts/tiles-national.sh [WORK_DIR] [DEPARTEMENTS] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
source "$root/scripts/lib/postgis.sh"
work="${1:-/tmp/territory-tiles}"; deps="${2:-24}"; seconds="${3:-30}"
mkdir -p "$work"
if [ -z "${TERRITORY_BENCH_PG:-}" ]; then
  start_test_postgis
  trap stop_test_postgis EXIT
  TERRITORY_BENCH_PG="$TERRITORY_TEST_PG"
fi
pg="$TERRITORY_BENCH_PG?schema=tiles_$deps"
gpkg="$work/national$deps.gpkg"
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
"$root/scripts/territory" --help >/dev/null
[ -f "$gpkg" ] || "$root/scripts/territory" demo --national --departements "$deps" --into "$gpkg" --json
load; /usr/bin/time -f "analyse gpkg: %e s wall, %U s user, %M KB peak" "$root/scripts/territory" analyse "$gpkg" >/dev/null
psql "$TERRITORY_BENCH_PG" -qc "DROP SCHEMA IF EXISTS tiles_$deps CASCADE"
"$root/scripts/territory" copy "$gpkg" "$pg" >/dev/null
load; /usr/bin/time -f "analyse postgis: %e s wall, %U s user, %M KB peak" "$root/scripts/territory" analyse "$pg" >/dev/null
# The travel review layer the PostGIS estates tiles join (analyse stores the review but writes only the territories).
/usr/bin/time -f "traveltimes postgis: %e s wall, %U s user, %M KB peak" "$root/scripts/territory" traveltimes "$pg" >/dev/null
dotnet build -c Release "$root/tests/Territory.Benchmarks" -v quiet -nologo >/dev/null
bench() { dotnet run -c Release --no-build --project "$root/tests/Territory.Benchmarks" -- "$@"; }
echo "== GeoPackage, tiles cut by the server"; load; bench tile-load "$gpkg" "$seconds" 50 memory
echo "== PostGIS, auto (PostGIS ST_AsMVT, cells from the server's grid)"; load; bench tile-load "$pg" "$seconds" 50 auto
echo "== PostGIS, every tile cut by PostGIS (ST_AsMVT)"; load; bench tile-load "$pg" "$seconds" 50 postgis
echo "== first render of the national view (GeoPackage)"; load; bench web-render "$work" 3 300 "$(basename "$gpkg")"
load
