namespace Territory.Planning.Location;

internal sealed partial class LocationFormulation
{
    private static LocationFormulation Capacitated(LocationInstance inst, LocationSolution hint)
    {
        var problem = inst.Problem;
        var model = new LinearModel { Maximize = problem == PlanningProblem.Mclp };
        var x = SiteVars(model, inst, hint, problem == PlanningProblem.Lscp ? 1 : 0);
        int z = problem == PlanningProblem.PCenter ? model.AddVar(0, inst.PenaltySeconds, 1, hint: hint.Objective) : -1;
        long penalty = inst.PenaltySeconds;
        var assign = new List<(int Group, int Site, int Var)>();
        var vars = new List<int>();
        var coeffs = new List<long>();
        for (int g = 0; g < inst.GroupCount; g++)
        {
            var sites = inst.SitesOf(g);
            var times = inst.TimesOf(g);
            long w = inst.Weight[g];
            int hinted = hint.Assignment?[g] ?? -1;
            vars.Clear(); coeffs.Clear();
            for (int k = 0; k < sites.Length; k++)
            {
                long cost = problem switch
                {
                    PlanningProblem.Mclp => w,
                    PlanningProblem.PMedian => w * (times[k] - penalty),
                    _ => 0,
                };
                int a = model.AddVar(0, 1, cost, hint: hinted == sites[k] ? 1 : 0);
                assign.Add((g, sites[k], a));
                model.AddRow([a, x[sites[k]]], [1, -1], -LinearModel.Infinity, 0);
                vars.Add(a); coeffs.Add(1);
            }
            model.AddRow([.. vars], [.. coeffs], problem == PlanningProblem.Lscp ? 1 : 0, 1);
            if (problem == PlanningProblem.PMedian) model.ObjectiveOffset += w * penalty;
            if (problem == PlanningProblem.PCenter)
            {
                // z ≥ Σ_j t_gj a_gj + P (1 − Σ_j a_gj)
                vars.Clear(); coeffs.Clear();
                vars.Add(z); coeffs.Add(1);
                for (int k = 0; k < sites.Length; k++) { vars.Add(assign[^(sites.Length - k)].Var); coeffs.Add(penalty - times[k]); }
                model.AddRow([.. vars], [.. coeffs], penalty, LinearModel.Infinity);
            }
        }
        var bySite = assign.GroupBy(a => a.Site);
        foreach (var site in bySite)
        {
            long capacity = inst.Capacity![site.Key];
            if (site.Sum(a => inst.Dwellings[a.Group]) <= capacity) continue;
            vars.Clear(); coeffs.Clear();
            foreach (var a in site) { vars.Add(a.Var); coeffs.Add(inst.Dwellings[a.Group]); }
            vars.Add(x[site.Key]); coeffs.Add(-capacity);
            model.AddRow([.. vars], [.. coeffs], -LinearModel.Infinity, 0);
        }
        return new LocationFormulation(model, x, [.. assign]);
    }
}
