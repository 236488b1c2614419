#!/usr/bin/env bash
# The main job on the embedded demo data (geodata/demo, made by `territory demo`):
# builds the road graph, reviews travel times per agency, types every territory and writes the
# report, the GeoPackage (QGIS styles), the CSV and the GeoJSON into out/demo.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
out="${1:-$root/out/demo}"
mkdir -p "$out"
# Work on a copy: the committed demo project stays as the generator made it.
cp geodata/demo/habitat-demo.gpkg "$out/habitat-demo.gpkg"
t=scripts/territory
$t inspect "$out/habitat-demo.gpkg"
$t roads build geodata/demo/habitat-demo.osm.pbf --into "$out/habitat-demo.gpkg"
$t traveltimes "$out/habitat-demo.gpkg" --out "$out"
$t analyse "$out/habitat-demo.gpkg" --out "$out"
echo
echo "Rapport : $out/rapport.html"
