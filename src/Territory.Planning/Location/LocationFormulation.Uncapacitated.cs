namespace Territory.Planning.Location;

internal sealed partial class LocationFormulation
{
    private static LocationFormulation Uncapacitated(LocationInstance inst, LocationSolution hint, bool[] closed, bool[]? redundant)
    {
        var model = new LinearModel { Maximize = inst.Problem == PlanningProblem.Mclp };
        var x = SiteVars(model, inst, hint, inst.Problem == PlanningProblem.Lscp ? 1 : 0, closed);
        var siteBuffer = new List<int>();
        var timeBuffer = new List<int>();
        int z = inst.Problem == PlanningProblem.PCenter ? CenterVar(model, inst, hint) : -1;
        // p-center: no optimal plan is worse than the hint, so levels beyond its worst time are cut.
        long cut = inst.Problem == PlanningProblem.PCenter && hint.Objective < inst.PenaltySeconds ? hint.Objective : long.MaxValue;
        var vars = new List<int>();
        var coeffs = new List<long>();
        for (int g = 0; g < inst.GroupCount; g++)
        {
            var sites = Open(g);
            if (sites.Length == 0)
            {
                // Only closed sites reach it: never covered (MCLP: no variable; p-median: the penalty).
                if (inst.Problem == PlanningProblem.PMedian) model.ObjectiveOffset += inst.Weight[g] * (long)inst.PenaltySeconds;
                continue;
            }
            bool fixedCovers = false;
            foreach (int s in sites) fixedCovers |= inst.Fixed[s];
            int nearest = Evaluator.NearestTime(inst, g, hint.Open);
            if (inst.Problem == PlanningProblem.Lscp)
            {
                if (fixedCovers || redundant?[g] == true) continue;
                vars.Clear(); coeffs.Clear();
                foreach (int s in sites) { vars.Add(x[s]); coeffs.Add(1); }
                model.AddRow([.. vars], [.. coeffs], 1, LinearModel.Infinity);
            }
            else if (inst.Problem == PlanningProblem.Mclp)
            {
                if (fixedCovers) { model.ObjectiveOffset += inst.Weight[g]; continue; }
                int y = model.AddVar(0, 1, inst.Weight[g], integer: false, hint: nearest >= 0 ? 1 : 0);
                vars.Clear(); coeffs.Clear();
                vars.Add(y); coeffs.Add(1);
                foreach (int s in sites) { vars.Add(x[s]); coeffs.Add(-1); }
                model.AddRow([.. vars], [.. coeffs], -LinearModel.Infinity, 0);
            }
            else Radius(g, nearest);
        }
        return new LocationFormulation(model, x, null);

        // The group's sites and times without the closed sites (the rows stay sorted by time).
        ReadOnlySpan<int> Open(int g)
        {
            siteBuffer.Clear(); timeBuffer.Clear();
            var sites = inst.SitesOf(g);
            var times = inst.TimesOf(g);
            for (int k = 0; k < sites.Length; k++) if (!closed[sites[k]]) { siteBuffer.Add(sites[k]); timeBuffer.Add(times[k]); }
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(siteBuffer);
        }

        void Radius(int g, int nearest)
        {
            var sites = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(siteBuffer);
            var times = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(timeBuffer);
            long w = inst.Weight[g];
            bool median = inst.Problem == PlanningProblem.PMedian;
            long hintTime = nearest >= 0 ? nearest : inst.PenaltySeconds;
            int k = 0, previous = -1;
            long level = times[0];
            if (median) model.ObjectiveOffset += w * level;
            while (k < sites.Length)
            {
                // The sites at this level; a fixed one ends the chain (the group is served within it).
                vars.Clear(); coeffs.Clear();
                bool fixedHere = false;
                for (; k < sites.Length && times[k] == level; k++) { vars.Add(x[sites[k]]); coeffs.Add(1); fixedHere |= inst.Fixed[sites[k]]; }
                if (fixedHere) return;
                long next = k < sites.Length ? times[k] : inst.PenaltySeconds;
                bool last = next > cut;
                // r = 1 when no open site is within this level: the group then costs at least the next level.
                int r = model.AddVar(0, last ? 0 : 1, median ? w * (next - level) : 0, integer: !median, hint: hintTime > level ? 1 : 0);
                vars.Add(r); coeffs.Add(1);
                if (previous >= 0) { vars.Add(previous); coeffs.Add(-1); }
                model.AddRow([.. vars], [.. coeffs], previous >= 0 ? 0 : 1, LinearModel.Infinity);
                if (!median) model.AddRow([z, r], [1, -next], 0, LinearModel.Infinity);
                if (last) return;
                previous = r;
                level = next;
            }
        }
    }

    private static int CenterVar(LinearModel model, LocationInstance inst, LocationSolution hint)
    {
        long lower = 0;
        for (int g = 0; g < inst.GroupCount; g++) lower = Math.Max(lower, inst.TimesOf(g)[0]);
        return model.AddVar(lower, inst.PenaltySeconds, 1, hint: Math.Max(lower, hint.Objective));
    }
}
