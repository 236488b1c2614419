#!/usr/bin/env bash
# The main job on the embedded demo data (geodata/demo, made by `territory demo`): builds the road
# graph, reviews travel times per agency, types every territory, writes the report and the exports
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
$t analyse "$out/habitat-demo.gpkg" --out "$out"
echo
echo "Rapport : $out/rapport.html"
exec $t serve "$out/habitat-demo.gpkg" "$@"
