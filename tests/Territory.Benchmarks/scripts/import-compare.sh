#!/usr/bin/env bash
# Import benchmark: 1,000,000 estate points from a CSV into a project where communes and QPV
# are loaded (validation + commune/QPV joins included), beside ogr2ogr converting the same CSV
# to GeoPackage, in the same run. Each tool runs RUNS times (default 1), alternately, under
# /usr/bin/time: wall and CPU seconds and peak resident memory, with the load average before each run.
# Usage: tests/Territory.Benchmarks/scripts/import-compare.sh [ROWS]     (RUNS=3 … for more runs)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
ensure_debian_packages gdal-bin time
rows="${1:-1000000}"
runs="${RUNS:-1}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
demo="$root/geodata/demo/habitat-demo.gpkg"
csv="$work/estates.csv"

# Points spread over the demo département's extent (Lambert-93), French Excel style: ';' and decimal comma.
read -r minx miny maxx maxy < <(ogrinfo -so "$demo" communes | sed -n 's/^Extent: (\([-0-9.]*\), \([-0-9.]*\)) - (\([-0-9.]*\), \([-0-9.]*\))/\1 \2 \3 \4/p')
awk -v n="$rows" -v minx="$minx" -v miny="$miny" -v maxx="$maxx" -v maxy="$maxy" 'BEGIN {
  srand(42); print "id;nom;bailleur;nb_logements;typeconst;x;y";
  for (i = 1; i <= n; i++) {
    x = minx + rand() * (maxx - minx); y = miny + rand() * (maxy - miny);
    line = sprintf("E%07d;Résidence %d;Habitat Démo;%d;%s;%.2f;%.2f", i, i, 1 + int(rand() * 120), (rand() < 0.6 ? "C" : "I"), x, y);
    gsub(/\./, ",", line); print line } }' > "$csv"
echo "CSV: $rows rows, $(du -h "$csv" | cut -f1)"

"$root/scripts/territory" --help >/dev/null   # build once, outside the timings
dll="$root/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll"

# One timed run: prints « name | wall s | user s | sys s | peak MB | load before ».
timed() {
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  printf '| %s | %s | %s | %s | %d | %s |\n' "$name" "$wall" "$user" "$sys" $((rss / 1024)) "$load"
}

echo "| run | wall s | user s | sys s | peak MB | load |"
echo "|---|---:|---:|---:|---:|---:|"
for _ in $(seq 1 "$runs"); do
  rm -f "$work/ogr.gpkg"
  timed "ogr2ogr CSV → GeoPackage" ogr2ogr -f GPKG "$work/ogr.gpkg" "$csv" -oo SEPARATOR=SEMICOLON -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y \
    -oo AUTODETECT_TYPE=YES -a_srs EPSG:2154 -nln estates
  cp "$demo" "$work/p.gpkg"
  timed "territory import (validation + joins)" dotnet "$dll" import "$csv" --into "$work/p.gpkg" --as estates --crs EPSG:2154 --json
done
echo "accepted: $(grep -o '"accepted": *[0-9]*' "$work/out" | head -n 1)"
