using System.Globalization;
using Territory.Planning.Location;

namespace Territory.Benchmarks.Planning;

/// <summary>Writes an MCLP instance as the classic MIP reads it: demand weights, coverage pairs within T, p.</summary>
/// <remarks>
/// Estates with the same coverage set are written once with their summed dwellings (the optimum is
/// unchanged; the planner solves the same merged demand). Files: <c>demand.csv</c> (<c>demand,weight</c>),
/// <c>coverage.csv</c> (<c>demand,site</c>), <c>sites.csv</c> (<c>site</c>), <c>params.txt</c> (p, our objective).
/// </remarks>
internal static class PlanningExport
{
    public static void WriteMclp(string dir, SitePlanRequest request, SitePlan plan)
    {
        Directory.CreateDirectory(dir);
        var (isFixed, capacity) = RequestValidation.Check(request);
        var inst = LocationInstance.Create(request, isFixed, capacity);
        using (var w = new StreamWriter(Path.Combine(dir, "demand.csv")))
        {
            w.WriteLine("demand,weight");
            for (int g = 0; g < inst.GroupCount; g++) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g},{inst.Weight[g]}"));
        }
        using (var w = new StreamWriter(Path.Combine(dir, "coverage.csv")))
        {
            w.WriteLine("demand,site");
            for (int g = 0; g < inst.GroupCount; g++)
                foreach (int s in inst.SitesOf(g)) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{g},{s}"));
        }
        File.WriteAllLines(Path.Combine(dir, "sites.csv"), ["site", .. Enumerable.Range(0, inst.SiteCount).Select(s => s.ToString(CultureInfo.InvariantCulture))]);
        var dwellings = request.Demand.ToDictionary(d => d.EstateId, d => d.Dwellings, StringComparer.Ordinal);
        File.WriteAllLines(Path.Combine(dir, "params.txt"),
        [
            string.Create(CultureInfo.InvariantCulture, $"p={inst.P}"),
            string.Create(CultureInfo.InvariantCulture, $"ours_objective={plan.Objective}"),
            string.Create(CultureInfo.InvariantCulture, $"ours_seconds={plan.Seconds}"),
            string.Create(CultureInfo.InvariantCulture, $"uncoverable_dwellings={plan.Uncoverable.Sum(u => dwellings[u.EstateId])}"),
        ]);
    }
}
