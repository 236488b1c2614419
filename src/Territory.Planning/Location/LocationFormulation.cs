namespace Territory.Planning.Location;

/// <summary>The integer model of a location problem, and how to read a plan back from its values.</summary>
/// <remarks>
/// <para>Without capacities (demand groups, nearest-site assignment):</para>
/// <list type="bullet">
/// <item>LSCP — min Σ x_j s.t. Σ_{j ∈ N_g} x_j ≥ 1 for every coverable group (Toregas et al., 1971).</item>
/// <item>MCLP — max Σ w_g y_g s.t. y_g ≤ Σ_{j ∈ N_g} x_j, Σ x_j = p (Church and ReVelle, 1974).</item>
/// <item>p-median — the radius formulation of García, Labbé and Marín (2011): for each group, its
/// distinct times τ_1 &lt; … &lt; τ_L and r_k = "no open site within τ_k";
/// r_1 + Σ_{t = τ_1} x ≥ 1, r_k − r_{k−1} + Σ_{t = τ_k} x ≥ 0, cost w_g (τ_1 + Σ_k (τ_{k+1} − τ_k) r_k),
/// τ_{L+1} the beyond-reach penalty. As tight as the classic assignment model, with fewer terms.</item>
/// <item>p-center — the same radius chains with z ≥ τ_{k+1} r_k, min z; levels above the heuristic's
/// worst time are cut (every optimal plan covers each group within it).</item>
/// </list>
/// <para>With capacities: a_gj for each pair within T, a_gj ≤ x_j, Σ_j a_gj ≤ 1 (= 1 for LSCP),
/// Σ_g d_g a_gj ≤ C_j x_j, and the objective on the a's (the penalty for unassigned groups).</para>
/// <para>Fixed sites have x_j = 1; groups a fixed site already covers drop out where they can.</para>
/// <para>With a budget B (MCLP, LSCP): Σ c_j x_j ≤ B over the new sites' yearly costs, and MCLP's Σ x_j = p becomes ≤ p.</para>
/// </remarks>
internal sealed partial class LocationFormulation
{
    private LocationFormulation(LinearModel model, int[] siteVar, (int Group, int Site, int Var)[]? assign)
    {
        Model = model; SiteVar = siteVar; Assign = assign;
    }

    public LinearModel Model { get; }

    /// <summary>Variable x_j of each site.</summary>
    public int[] SiteVar { get; }

    /// <summary>Assignment variables (capacitated models only).</summary>
    public (int Group, int Site, int Var)[]? Assign { get; }

    /// <summary>
    /// Builds the model of <paramref name="inst"/>, hinted with <paramref name="hint"/>; <paramref name="closed"/> sites
    /// are left out, and so are the LSCP rows of <paramref name="redundant"/> groups.
    /// </summary>
    public static LocationFormulation Build(LocationInstance inst, LocationSolution hint, bool[]? closed = null, bool[]? redundant = null) =>
        inst.Capacitated ? Capacitated(inst, hint) : Uncapacitated(inst, hint, closed ?? new bool[inst.SiteCount], redundant);

    /// <summary>Pairs the model would hold without the <paramref name="closed"/> sites and the <paramref name="redundant"/> groups.</summary>
    public static long Size(LocationInstance inst, bool[]? closed, bool[]? redundant = null)
    {
        long pairs = 0;
        for (int g = 0; g < inst.GroupCount; g++)
        {
            if (redundant?[g] == true) continue;
            foreach (int s in inst.SitesOf(g)) if (closed?[s] != true) pairs++;
        }
        return pairs;
    }

    /// <summary>LSCP rows implied by others (see <see cref="CoverRows"/>), over the sites not <paramref name="closed"/>.</summary>
    public static bool[] RedundantCoverRows(LocationInstance inst, bool[]? closed, Deadline deadline)
    {
        var rows = new int[inst.GroupCount][];
        for (int g = 0; g < rows.Length; g++)
        {
            var list = new List<int>();
            foreach (int s in inst.SitesOf(g)) if (closed?[s] != true) list.Add(s);
            bool fixedCovers = list.Any(s => inst.Fixed[s]);
            rows[g] = fixedCovers ? [] : [.. list];
        }
        return CoverRows.Redundant(rows, inst.SiteCount, deadline);
    }

    /// <summary>The plan a solver's values describe, evaluated like any other.</summary>
    public LocationSolution Decode(LocationInstance inst, long[] values)
    {
        var open = new bool[inst.SiteCount];
        for (int s = 0; s < open.Length; s++) open[s] = values[SiteVar[s]] > 0;
        if (Assign is null) return Evaluator.Nearest(inst, open);
        var assignment = new int[inst.GroupCount];
        Array.Fill(assignment, -1);
        foreach (var (g, s, v) in Assign) if (values[v] > 0 && open[s]) assignment[g] = s;
        return Evaluator.Assigned(inst, open, assignment);
    }

    private static int[] SiteVars(LinearModel model, LocationInstance inst, LocationSolution hint, long cost, bool[]? closed = null)
    {
        var vars = new int[inst.SiteCount];
        for (int s = 0; s < vars.Length; s++)
            vars[s] = model.AddVar(inst.Fixed[s] ? 1 : 0, closed?[s] == true ? 0 : 1, cost, hint: hint.Open[s] ? 1 : 0);
        if (inst.Problem != PlanningProblem.Lscp)
        {
            var ones = new long[vars.Length];
            Array.Fill(ones, 1);
            // With a budget p is a ceiling: p sites may cost more than the budget allows.
            model.AddRow(vars, ones, inst.Budget is null ? inst.P : inst.FixedCount, inst.P);
        }
        if (inst.Budget is { } budget)
            model.AddRow(vars, inst.Cost, 0, budget);
        return vars;
    }
}
