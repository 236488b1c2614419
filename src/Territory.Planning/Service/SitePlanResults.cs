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
    public static SitePlanResult Build(ProjectData data, CandidateSet set, SitePlan plan, SitePlanOptions options, CostSource source, double seconds)
    {
        var toWgs84 = new Reprojector(data.WorkingCrs, 4326);
        var byId = set.Sites.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sites = plan.Chosen.Select(c =>
        {
            var s = byId[c.Id];
            var (lon, lat) = toWgs84.Transform(s.Location.X, s.Location.Y);
            return new PlannedSite(s.Id, s.Name, s.Kind, s.Source.Code(), s.SourceRef, lon, lat, s.Location.X, s.Location.Y, s.Existing, c.Fixed, c.Estates, c.Dwellings);
        }).ToList();
        var chosen = sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var dwellings = data.Estates.ToDictionary(e => e.Id, e => e.Dwellings, StringComparer.Ordinal);
        return new SitePlanResult
        {
            Problem = options.Problem.Code(), Minutes = options.Minutes, Count = plan.Count, RequestedCount = options.Problem.NeedsCount() ? options.Count : null,
            Sites = sites,
            Assignments = plan.Assignments.Select(a => new PlannedAssignment(a.EstateId, a.SiteId, a.Seconds / 60, dwellings.GetValueOrDefault(a.EstateId), Status(a.Status))).ToList(),
            CoveredDwellings = plan.CoveredDwellings, TotalDwellings = plan.TotalDwellings, Objective = plan.Objective, Bound = plan.Bound, Gap = plan.Gap,
            Optimal = plan.Optimal, Status = Status(plan.Status), Method = plan.Method, Estimated = plan.Estimated, TimeSource = Source(source),
            Uncoverable = plan.Uncoverable, MeanMinutes = plan.MeanMinutes, WorstMinutes = plan.WorstMinutes,
            ClosedExisting = options.KeepExisting ? [] : set.Sites.Where(s => s.Existing && !chosen.Contains(s.Id)).Select(s => s.Id).ToList(),
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
