#!/usr/bin/env bash
# Import benchmark: 1,000,000 estate points from a CSV into a project where communes and QPV
# are loaded (validation + commune/QPV joins included), beside ogr2ogr converting the same CSV
# to GeoPackage, in the same run. Usage: tests/Territory.Benchmarks/scripts/import-compare.sh [ROWS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
ensure_debian_packages gdal-bin hyperfine
rows="${1:-1000000}"
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
hyperfine --warmup 1 --runs 3 --style basic --export-markdown "$work/result.md" \
  --prepare "rm -f $work/ogr.gpkg" \
  -n "ogr2ogr CSV → GeoPackage" \
  "ogr2ogr -f GPKG $work/ogr.gpkg $csv -oo SEPARATOR=SEMICOLON -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -oo AUTODETECT_TYPE=YES -a_srs EPSG:2154 -nln estates" \
  --prepare "cp $demo $work/p.gpkg" \
  -n "territory import (validation + joins)" \
  "dotnet $dll import $csv --into $work/p.gpkg --as estates --crs EPSG:2154 --json"
cat "$work/result.md"
