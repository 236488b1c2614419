#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need (Debian packages),
# restores and builds, runs every test project; its last line is "N passed, N failed" (skipped
# tests are counted on the line before).
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

source scripts/lib/deps.sh
# gdal-bin: ogrinfo validates the GeoPackages; chromium: the browser tests (Playwright drives Debian's Chromium).
ensure_debian_packages gdal-bin chromium

# Test data never committed: the Etalab commune list (npm package, MIT) for the enrichment tests.
source scripts/lib/fetch-communes.sh
ensure_communes_json tests/.cache/decoupage-administratif \
  || echo "communes.json unavailable: tests that need it fail when CI=true, otherwise they return early" >&2

# PostgreSQL 15 + PostGIS for the PostGIS store tests: a throwaway server in a temporary directory,
# passed to the tests as TERRITORY_TEST_PG, stopped and removed at exit. Without it those tests fail
# when CI=true and return early otherwise. An existing TERRITORY_TEST_PG is used as it is.
source scripts/lib/postgis.sh
results=$(mktemp -d)
# Registered before the server starts, so that an interrupted run never leaves it behind.
trap 'rm -rf "$results"; stop_test_postgis' EXIT
if [ -z "${TERRITORY_TEST_PG:-}" ]; then
  start_test_postgis || echo "PostGIS unavailable: PostGIS tests fail when CI=true, otherwise they return early" >&2
fi

# The guide's screenshot generator (scripts/screenshots.sh) is not a test: left out here.
dotnet test Territory.sln --logger "trx" --results-directory "$results" --filter "Category!=Screenshots" "$@"
rc=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$line" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build error or a crashed test host: count it as a failure so the line never lies.
  failed=1
fi
echo "$skipped skipped"
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
