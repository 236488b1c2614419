using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.Planning.Candidates;
using Territory.Planning.Location;
using Territory.Planning.Matrix;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>Turns the solver's <see cref="SitePlan"/> into the <see cref="SitePlanResult"/> users see.</summary>
internal static class SitePlanResults
{
    public static SitePlanResult Build(ProjectData data, CandidateSet set, SitePlan plan, SitePlanOptions options, CostSource source, double seconds,
        KeepExistingAlternative? alternative = null)
    {
        var toWgs84 = new Reprojector(data.WorkingCrs, 4326);
        var byId = set.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sites = plan.Chosen.Select(c =>
        {
            var s = byId[c.Id];
            var (lon, lat) = toWgs84.Transform(s.Location.X, s.Location.Y);
            return new PlannedSite(s.Id, s.Name, s.Kind, s.Source.Code(), s.SourceRef, lon, lat, s.Location.X, s.Location.Y, s.Existing, c.Fixed, c.Estates, c.Dwellings,
                s.Existing ? null : s.YearlyCost);
        }).ToList();
        var chosen = sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var dwellings = data.Estates.ToDictionary(e => e.Id, e => e.Dwellings, StringComparer.Ordinal);
        var points = data.Agencies.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var closed = options.KeepExisting ? [] : set.Sites.Where(s => s.Existing && !chosen.Contains(s.Id))
            .Select(s => points.TryGetValue(s.Id, out var a) ? new ClosedPoint(s.Id, a.Name, a.Kind.Code(), a.Staff, a.SiteStaff) : new ClosedPoint(s.Id, s.Name, s.Kind, null, null))
            .ToList();
        var added = sites.Where(s => !s.Existing).ToList();
        return new SitePlanResult
        {
            Problem = options.Problem.Code(), Minutes = options.Minutes, Count = plan.Count, RequestedCount = options.Problem.NeedsCount() ? options.Count : null,
            Sites = sites,
            Assignments = plan.Assignments.Select(a => new PlannedAssignment(a.EstateId, a.SiteId, a.Seconds / 60, dwellings.GetValueOrDefault(a.EstateId), Status(a.Status))).ToList(),
            CoveredDwellings = plan.CoveredDwellings, TotalDwellings = plan.TotalDwellings, Objective = plan.Objective, Bound = plan.Bound, Gap = plan.Gap,
            Optimal = plan.Optimal, Status = Status(plan.Status), Method = plan.Method, Estimated = plan.Estimated, TimeSource = Source(source),
            Uncoverable = plan.Uncoverable, MeanMinutes = plan.MeanMinutes, WorstMinutes = plan.WorstMinutes,
            ClosedExisting = closed, FromCleanSlate = !options.KeepExisting && set.Sites.Any(s => s.Existing), KeepExistingAlternative = alternative,
            Budget = options.BudgetEuros, YearlyCost = added.Sum(s => s.YearlyCost ?? 0), NewSitesWithoutCost = added.Count(s => s.YearlyCost is null),
            CandidatesBySource = set.Sites.GroupBy(s => s.Source.Code()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            MergedCandidates = set.Merged.Count, PlannedKind = options.PlannedKind.Code(), KeepExisting = options.KeepExisting, Capacity = options.Capacity,
            DataVersion = data.DataVersion, Seconds = seconds, SolveSeconds = plan.Seconds,
        };
    }

    internal static string Source(CostSource source) => source switch
    {
        CostSource.RoadGraph => "road_graph",
        CostSource.StraightLine => "straight_line",
        _ => "user_file",
    };

    private static string Status(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Served => "served",
        AssignmentStatus.NotServed => "not_served",
        _ => "uncoverable",
    };

    private static string Status(SolveStatus status) => status switch
    {
        SolveStatus.Optimal => "optimal",
        SolveStatus.Feasible => "feasible",
        SolveStatus.Infeasible => "infeasible",
        _ => "no_solution",
    };
}
