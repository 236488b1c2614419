#!/usr/bin/env bash
# Compares Territory routing with pgRouting on the same graph, OD set and isochrone origin.
#
# 1. exports our graph (edges.csv, vertices.csv) and the OD set from the OSM extract and times our
#    matrix (PHAST and Dijkstra), isochrones and graph load (RoutingCompare, same run);
# 2. installs PostgreSQL 15 + PostGIS + pgRouting from Debian, starts a throwaway cluster;
# 3. loads the same edges and times pgr_dijkstraCost (same 20 × 2,000 OD pairs),
#    pgr_dijkstraCostMatrix (all pairs among the 2,020 vertices, as asked) and
#    pgr_drivingDistance + ST_ConcaveHull for 10/20/30 min; checks our costs against pgRouting's.
#
# Usage (repo root or anywhere): tests/Territory.Benchmarks/scripts/pgrouting-compare.sh [extract.osm.pbf] [port]
# Needs root (apt-get, su postgres). Leaves nothing running; the cluster lives in a temp dir.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OSM="${1:-$ROOT/../shared/geodata/osm/andorra.osm.pbf}"
PORT="${2:-55432}"
REPS=3
WORK="$(mktemp -d /tmp/territory-pgr.XXXXXX)"
chmod 755 "$WORK"
echo "work dir: $WORK"

# --- 1. our side ---------------------------------------------------------------------------
# Runs RoutingCompare through a throwaway console project so this script works whether or not
# tests/Territory.Benchmarks/Program.cs routes a "routing-compare" argument to it.
RUNNER="$WORK/runner"
mkdir -p "$RUNNER"
cat > "$RUNNER/runner.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <Optimize>true</Optimize>
    <!-- The runtime settings of the territory command (src/Territory.Cli): no profile-guided tiering, invariant culture. -->
    <TieredPGO>false</TieredPGO>
    <InvariantGlobalization>true</InvariantGlobalization>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$ROOT/tests/Territory.Benchmarks/Routing/RoutingCompare.cs" />
    <ProjectReference Include="$ROOT/src/Territory.Routing/Territory.Routing.csproj" />
  </ItemGroup>
</Project>
XML
echo 'Territory.Benchmarks.Routing.RoutingCompare.Run(args);' > "$RUNNER/Program.cs"
dotnet run -c Release --project "$RUNNER" -- "$WORK" "$OSM" 20 2000 5 | tee "$WORK/ours.txt"
chmod -R a+r "$WORK"

# --- 2. PostgreSQL + PostGIS + pgRouting -----------------------------------------------------
if ! dpkg -s postgresql-15-pgrouting >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15-postgis-3 postgresql-15-pgrouting osmium-tool >/dev/null
fi
PGBIN=/usr/lib/postgresql/15/bin
PGTMP="$(mktemp -d)"; chown postgres:postgres "$PGTMP"
su postgres -s /bin/sh -c "$PGBIN/initdb -D $PGTMP/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null
su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGTMP/data -l $PGTMP/log -w -o \"-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c shared_buffers=256MB -c work_mem=64MB\" start" >/dev/null
cleanup() { su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGTMP/data -m fast -w stop" >/dev/null 2>&1 || true; rm -rf "$PGTMP"; }
trap cleanup EXIT
PSQL=(psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1)
"${PSQL[@]}" -c "CREATE DATABASE territory_bench"
PSQL+=(-d territory_bench)
"${PSQL[@]}" <<SQL
CREATE EXTENSION postgis;
CREATE EXTENSION pgrouting;
CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8, reverse_cost float8, length_m float8, geom geometry(LineString, 4326));
\copy edges FROM '$WORK/edges.csv' WITH (FORMAT csv, HEADER true)
CREATE TABLE vertices (id bigint PRIMARY KEY, lon float8, lat float8, component int);
\copy vertices FROM '$WORK/vertices.csv' WITH (FORMAT csv, HEADER true)
ALTER TABLE vertices ADD COLUMN geom geometry(Point, 4326);
UPDATE vertices SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
CREATE TABLE od_sources (vid bigint); \copy od_sources FROM '$WORK/od_sources.csv'
CREATE TABLE od_targets (vid bigint); \copy od_targets FROM '$WORK/od_targets.csv'
CREATE TABLE ours (start_vid bigint, end_vid bigint, agg_cost float8); \copy ours FROM '$WORK/ours_matrix.csv' WITH (FORMAT csv, HEADER true)
ANALYZE;
SQL
ORIGIN="$(cat "$WORK/iso_origin.txt")"
EDGES_SQL="SELECT id, source, target, cost, reverse_cost FROM edges"

# Best wall time (ms) of a query over REPS runs, measured by psql's \timing.
time_query() {
  local sql="$1" best=""
  for _ in $(seq "$REPS"); do
    local t
    t=$("${PSQL[@]}" -c '\timing on' -c "$sql" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
    if [[ -z "$best" ]] || awk "BEGIN{exit !($t < $best)}"; then best="$t"; fi
  done
  echo "$best"
}

SRC="(SELECT array_agg(vid) FROM od_sources)"
TGT="(SELECT array_agg(vid) FROM od_targets)"
PGR_COST=$(time_query "SELECT count(*) FROM pgr_dijkstraCost('$EDGES_SQL', $SRC, $TGT, directed => true)")
PGR_MATRIX=$(time_query "SELECT count(*) FROM pgr_dijkstraCostMatrix('$EDGES_SQL', (SELECT array_agg(DISTINCT vid) FROM (SELECT vid FROM od_sources UNION ALL SELECT vid FROM od_targets) v), directed => true)")
ISO_SQL="SELECT d.minutes, ST_ConcaveHull(ST_Collect(v.geom), 0.3) FROM (VALUES (10), (20), (30)) d(minutes)
  CROSS JOIN LATERAL pgr_drivingDistance('$EDGES_SQL', $ORIGIN, d.minutes * 60.0, directed => true) r
  JOIN vertices v ON v.id = r.node GROUP BY d.minutes"
PGR_ISO=$(time_query "SELECT count(*) FROM ($ISO_SQL) q")

# Same answers? Compare our PHAST matrix with pgr_dijkstraCost on every OD pair.
CHECK=$("${PSQL[@]}" -At -c "WITH p AS (SELECT * FROM pgr_dijkstraCost('$EDGES_SQL', $SRC, $TGT, directed => true))
  SELECT count(*) || ' pairs, max |ours - pgRouting| = ' || round(coalesce(max(abs(o.agg_cost - p.agg_cost)), 0)::numeric, 3) || ' s, missing in ours: ' || sum(CASE WHEN o.agg_cost IS NULL THEN 1 ELSE 0 END)
  FROM p LEFT JOIN ours o USING (start_vid, end_vid) WHERE p.start_vid <> p.end_vid")

get() { sed -n "s/^$1=//p" "$WORK/ours.txt"; }
OURS_PHAST=$(get ours_matrix_phast_ms); OURS_DIJ=$(get ours_matrix_dijkstra_ms); OURS_ISO=$(get ours_isochrones_10_20_30_ms)
ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.1fx\", $1 / $2; else print \"n/a\" }"; }
echo
echo "=== Territory vs pgRouting ($(basename "$OSM"), 20 x 2000 OD, best of $REPS/5 runs, $(nproc) cores) ==="
printf '%-44s %12s\n' "measure" "ms"
printf '%-44s %12s\n' "ours: CH build (once per graph)" "$(get ours_ch_build_ms)"
printf '%-44s %12s\n' "ours: matrix PHAST 20x2000" "$OURS_PHAST"
printf '%-44s %12s\n' "ours: matrix PHAST 20x2000, 1 thread" "$(get ours_matrix_phast_1thread_ms)"
printf '%-44s %12s\n' "ours: matrix Dijkstra 20x2000" "$OURS_DIJ"
printf '%-44s %12s\n' "pgr_dijkstraCost 20x2000" "$PGR_COST"
printf '%-44s %12s\n' "pgr_dijkstraCostMatrix (2020 vertices)" "$PGR_MATRIX"
printf '%-44s %12s\n' "ours: isochrones 10/20/30 min" "$OURS_ISO"
printf '%-44s %12s\n' "pgr_drivingDistance+ST_ConcaveHull 10/20/30" "$PGR_ISO"
printf '%-44s %12s\n' "ours: graph file load" "$(get ours_graph_load_ms)"
echo
echo "speed-up matrix vs pgr_dijkstraCostMatrix: $(ratio "$PGR_MATRIX" "$OURS_PHAST") (target >= 20x)"
echo "speed-up matrix vs pgr_dijkstraCost:       $(ratio "$PGR_COST" "$OURS_PHAST")"
echo "speed-up isochrones vs drivingDistance+ConcaveHull: $(ratio "$PGR_ISO" "$OURS_ISO") (target >= 10x)"
echo "agreement: $CHECK"
