#!/usr/bin/env bash
# Speed at scale (docs/benchmarks.md, last section): `territory analyse` at 1,500 / 15,000 / 50,000 /
# 150,000 estates, `territory traveltimes` with the demo's presence points and with 825 more far from
# every road, the Andorra 20 × 2,000 matrix end to end against a single-thread Dijkstra floor, and the
# contraction of a 1,000,000-node grid with uniform random speeds on 2 threads. Each part prints the
# load average it ran under. Usage: tests/Territory.Benchmarks/scripts/speed-at-scale.sh [WORK_DIR] [PART...]
# (parts: analyse isolation traveltimes matrix contraction; default all).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
source "$root/scripts/lib/deps.sh"
ensure_debian_packages hyperfine
work="${1:-/tmp/territory-speed}"
shift || true
parts="${*:-analyse isolation traveltimes matrix contraction}"
mkdir -p "$work"
dotnet build "$root/tests/Territory.Benchmarks" -c Release -v quiet -nologo >&2
bench() { dotnet "$root/tests/Territory.Benchmarks/bin/Release/net10.0/linux-x64/Territory.Benchmarks.dll" "$@"; }
"$root/scripts/territory" --help >/dev/null   # build once, outside the timings
cli="dotnet $root/src/Territory.Cli/bin/Release/net10.0/linux-x64/territory.dll"
[ -f "$work/presence-835.gpkg" ] || bench speed-projects "$work"
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }

for part in $parts; do
  case "$part" in
    analyse)
      load
      hyperfine --warmup 1 --runs 3 --style basic --export-markdown "$work/analyse.md" \
        -n "analyse 1,500" "$cli analyse $work/estates-1500.gpkg --json" \
        -n "analyse 15,000" "$cli analyse $work/estates-15000.gpkg --json" \
        -n "analyse 50,000" "$cli analyse $work/estates-50000.gpkg --json" \
        -n "analyse 150,000" "$cli analyse $work/estates-150000.gpkg --json"
      cat "$work/analyse.md"; load ;;
    isolation)
      bench isolation-scale "$work"/estates-{1500,15000,50000,150000}.gpkg ;;
    traveltimes)
      load
      hyperfine --warmup 1 --runs 5 --style basic --export-markdown "$work/traveltimes.md" \
        -n "traveltimes, 10 presence points" "$cli traveltimes $work/presence-10.gpkg --json" \
        -n "traveltimes, 10 + 825 far points" "$cli traveltimes $work/presence-835.gpkg --json"
      cat "$work/traveltimes.md"; load ;;
    matrix)
      bench matrix-floor ;;
    contraction)
      bench ch-build 1000 1000 uniform 2 ;;
    *) echo "unknown part: $part" >&2; exit 2 ;;
  esac
done
