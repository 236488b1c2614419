#!/usr/bin/env bash
# Regenerates the user guide's screenshots (docs/img/*.png, 1280×800) with headless Chromium
# over a fresh copy of the demo project: map overview, territory panel, agency isochrones,
# scenario coverage, a site plan, the mobile agency's week, a comparison of plans, import report.
set -euo pipefail
cd "$(dirname "$0")/.."
TERRITORY_SCREENSHOTS=1 dotnet test tests/Territory.Web.Tests --filter "FullyQualifiedName~UserGuideScreenshots" "$@"
ls -l docs/img/*.png
