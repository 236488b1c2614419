#!/usr/bin/env bash
# The main job on the embedded demo data (geodata/demo, made by `territory demo`): builds the road
# graph, reviews travel times per agency, proposes five relay places (a named scenario compared with today),
# types every territory, writes the report and the exports
# into out/demo, then opens the interactive map on http://127.0.0.1:5080 (Ctrl+C to stop).
# Options are passed to `territory serve` (e.g. --port 5081, --basemap osm).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="$root/out/demo"
mkdir -p "$out"
# Work on a copy: the committed demo project stays as the generator made it.
cp geodata/demo/habitat-demo.gpkg "$out/habitat-demo.gpkg"
t=scripts/territory
$t inspect "$out/habitat-demo.gpkg"
$t roads build geodata/demo/habitat-demo.osm.pbf --into "$out/habitat-demo.gpkg"
$t traveltimes "$out/habitat-demo.gpkg" --out "$out" --matrix
# Network planning: five relay places added to today's points, as many dwellings as possible within 20 minutes,
# kept as a named scenario and compared with today's network; the analysis then names the planned sites.
$t plan sites "$out/habitat-demo.gpkg" --problem mclp --minutes 20 --new 5 --save-scenario "5 lieux relais" --overwrite
$t scenario compare "$out/habitat-demo.gpkg" "5 lieux relais" --out "$out" --report "$out/comparaison.html"
$t analyse "$out/habitat-demo.gpkg" --out "$out"
echo
echo "Rapport : $out/rapport.html — comparaison des scénarios : $out/comparaison.html"
exec $t serve "$out/habitat-demo.gpkg" "$@"
