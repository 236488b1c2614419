#!/usr/bin/env bash
# Compares Territory's MCLP with the classic MCLP MIP (as PySAL spopt writes it) solved by CBC through PuLP,
# on the same département-size instance.
#
# 1. runs our side (`planning OUT_DIR --skip-others`): builds the generated regional road network, the
#    2,000 candidates × 50,000 estates matrix (T = 20 min) and solves MCLP (p = 20); writes the instance as
#    the MIP reads it — demand weights (estates with identical coverage sets merged, weights summed: the
#    optimum is the same), coverage pairs within T, p — and prints our times and objective;
# 2. installs python3-pulp and coinor-cbc from Debian when missing;
# 3. builds the spopt formulation with PuLP — max Σ w_i y_i s.t. Σ_{j ∈ N_i} x_j ≥ y_i, Σ x_j = p, x, y binary —
#    and solves it with CBC to optimality (or CBC_TIME_LIMIT seconds), timing the model build and the solve;
# 4. prints both objectives, both times, the gap, and the load average.
#
# Usage (repo root or anywhere): tests/Territory.Benchmarks/scripts/planning-compare.sh [work_dir]
# Needs root for apt-get (only when the packages are missing). CBC_TIME_LIMIT (seconds, default 3600).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/territory-planning.XXXXXX)}"
mkdir -p "$WORK"
echo "work dir: $WORK"
echo "load before: $(uptime)"

# --- 1. our side -------------------------------------------------------------------------------
dotnet build -c Release "$ROOT/tests/Territory.Benchmarks" -v quiet -nologo >/dev/null
dotnet "$ROOT/tests/Territory.Benchmarks/bin/Release/net10.0/linux-x64/Territory.Benchmarks.dll" planning "$WORK" --skip-others | tee "$WORK/ours.txt"

# --- 2. PuLP + CBC ----------------------------------------------------------------------------
if ! /usr/bin/python3 -c "import pulp" 2>/dev/null || ! command -v cbc >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pulp coinor-cbc >/dev/null
fi

# --- 3. the classic MIP -------------------------------------------------------------------------
CBC_TIME_LIMIT="${CBC_TIME_LIMIT:-3600}" /usr/bin/python3 - "$WORK" <<'PY' | tee "$WORK/cbc.txt"
import csv, os, sys, time
from collections import defaultdict
import pulp

work = sys.argv[1]
params = dict(line.strip().split("=", 1) for line in open(os.path.join(work, "params.txt")) if "=" in line)
p = int(params["p"])
t0 = time.perf_counter()
weight = {}
with open(os.path.join(work, "demand.csv")) as f:
    for row in csv.DictReader(f):
        weight[int(row["demand"])] = int(row["weight"])
covering = defaultdict(list)
sites = set()
with open(os.path.join(work, "coverage.csv")) as f:
    next(f)
    for line in f:
        i, j = line.split(",")
        covering[int(i)].append(int(j))
        sites.add(int(j))
with open(os.path.join(work, "sites.csv")) as f:
    next(f)
    for line in f:
        sites.add(int(line))
t_read = time.perf_counter() - t0

# The MCLP as spopt's MCLP.from_cost_matrix builds it (coverage from the cost matrix within the service radius).
t0 = time.perf_counter()
model = pulp.LpProblem("mclp", pulp.LpMaximize)
x = {j: pulp.LpVariable(f"x_{j}", cat="Binary") for j in sorted(sites)}
y = {i: pulp.LpVariable(f"y_{i}", cat="Binary") for i in sorted(weight)}
model += pulp.lpSum(weight[i] * y[i] for i in y)
for i, js in covering.items():
    model += pulp.lpSum(x[j] for j in js) >= y[i], f"cover_{i}"
model += pulp.lpSum(x.values()) == p, "p_facilities"
t_build = time.perf_counter() - t0

t0 = time.perf_counter()
solver = pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=int(os.environ["CBC_TIME_LIMIT"]), threads=1)
status = model.solve(solver)
t_solve = time.perf_counter() - t0
objective = pulp.value(model.objective)
print(f"cbc_status={pulp.LpStatus[status]}")
print(f"cbc_read_s={t_read:.3f}")
print(f"cbc_build_s={t_build:.3f}")
print(f"cbc_solve_s={t_solve:.3f}")
print(f"cbc_objective={objective:.0f}")
print(f"cbc_sites={sum(1 for v in x.values() if v.value() > 0.5)}")
print(f"mip_demand_rows={len(weight)}")
print(f"mip_coverage_pairs={sum(len(v) for v in covering.values())}")
PY

# --- 4. summary ---------------------------------------------------------------------------------
get() { sed -n "s/^$1=//p" "$WORK/$2" | tail -1; }
OURS=$(get mclp_objective ours.txt); CBC=$(get cbc_objective cbc.txt)
echo
echo "=== MCLP, 2,000 candidates x 50,000 estates, p = 20, T = 20 min ($(nproc) cores) ==="
printf '%-48s %14s\n' "measure" "value"
printf '%-48s %14s\n' "ours: matrix (bounded Dijkstra, s)" "$(get matrix_dijkstra_s ours.txt)"
printf '%-48s %14s\n' "ours: MCLP solve (s)" "$(get mclp_s ours.txt)"
printf '%-48s %14s\n' "ours: objective (dwellings covered)" "$OURS"
printf '%-48s %14s\n' "ours: bound / proven optimal" "$(get mclp_bound ours.txt) / $(get mclp_optimal ours.txt)"
printf '%-48s %14s\n' "ours: method" "$(get mclp_method ours.txt)"
printf '%-48s %14s\n' "PuLP model build (s)" "$(get cbc_build_s cbc.txt)"
printf '%-48s %14s\n' "CBC solve (s)" "$(get cbc_solve_s cbc.txt)"
printf '%-48s %14s\n' "CBC status / objective" "$(get cbc_status cbc.txt) / $CBC"
STATUS=$(get cbc_status cbc.txt)
if [ "$STATUS" = "Optimal" ]; then
  awk -v o="$OURS" -v c="$CBC" 'BEGIN { if (c > 0) printf "gap ours vs CBC: %.4f %%  ((CBC - ours) / CBC)\n", 100 * (c - o) / c }'
else
  # Without a proven solution PuLP's variable values are not a plan: no gap against CBC, only against our own bound.
  echo "CBC returned no proven solution within CBC_TIME_LIMIT (status $STATUS): no gap against CBC"
  awk -v o="$OURS" -v b="$(get mclp_bound ours.txt)" 'BEGIN { if (b > 0) printf "gap ours vs our bound: %.4f %%\n", 100 * (b - o) / b }'
fi
echo "load after: $(uptime)"
