using System.Runtime.CompilerServices;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Planning.Service;
using Territory.Web.Hosting;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>A planning job as the map reads it: its state, and once done the plan (estates as columns), the round or the comparison.</summary>
internal static class PlanningAnswers
{
    // The estates' columns of a plan, built once per plan (a plan is immutable).
    private static readonly ConditionalWeakTable<SitePlanResult, PlanEstates> Columns = new();

    public static PlanningJobAnswer Of(PlanningJob job, ProjectSession session, Lang lang)
    {
        var outcome = job.Outcome;
        return new PlanningJobAnswer(job.Id, Code(job.Kind), job.State.ToString().ToLowerInvariant(), job.Stage, job.Done, job.Total, job.StartedAt, job.EndedAt,
            job.DataVersion, outcome?.Sites is { } plan ? Sites(plan, session, lang) : null, outcome?.Round,
            outcome?.Comparison is { } c ? Comparison(c, lang) : null, job.Failure is { } f ? Problem(job.FailureStatus, f, lang) : null);
    }

    private static string Code(PlanningJobKind kind) => kind switch
    {
        PlanningJobKind.Sites => "sites",
        PlanningJobKind.Rounds => "rounds",
        _ => "compare",
    };

    /// <summary>A failure in the map's words: a reason written for the command line has a map variant (<c>code_map</c>) when it names options.</summary>
    private static JobProblem Problem(int status, Message reason, Lang lang)
    {
        var forMap = Catalogue.Has(reason.Code + "_map") ? Message.Of(reason.Code + "_map", reason.Args.Select(a => (a.Key, a.Value)).ToArray()) : reason;
        return new JobProblem(status, reason.Code, Catalogue.Text(lang, Problems.TitleCode(status)), forMap.Render(lang));
    }

    private static SitesAnswer Sites(SitePlanResult p, ProjectSession session, Lang lang)
    {
        var saved = session.Saved;
        return new SitesAnswer(p.Problem, p.Minutes, p.Count, p.RequestedCount, p.CoveredDwellings, p.TotalDwellings, p.CoveredShare, p.Objective, p.Bound, p.Gap,
            p.Optimal, p.Status, p.Method, p.Estimated, p.TimeSource, p.MeanMinutes, p.WorstMinutes, p.Seconds, p.SolveSeconds, p.PlannedKind, p.KeepExisting,
            p.Capacity, p.CandidatesBySource, p.MergedCandidates, SitePlanScenario.Describe(p, lang), p.Sites, p.ClosedExisting, p.Uncoverable,
            Columns.GetValue(p, plan => Estates(plan, saved)))
        {
            FromCleanSlate = p.FromCleanSlate, KeepExistingAlternative = p.KeepExistingAlternative, YearlyCost = p.YearlyCost, Budget = p.Budget,
            NewSitesWithoutCost = p.NewSitesWithoutCost, Notes = SitePlanNotes.For(p, lang),
        };
    }

    /// <summary>One entry per estate of the plan: position (WGS84), the index of its site in <see cref="SitesAnswer.Sites"/> (−1: none), minutes, status.</summary>
    private static PlanEstates Estates(SitePlanResult p, ProjectSnapshot saved)
    {
        var siteIndex = p.Sites.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        int n = p.Assignments.Count;
        var ids = new string[n];
        var lon = new double?[n];
        var lat = new double?[n];
        var site = new int[n];
        var minutes = new double?[n];
        var status = new string[n];
        for (int i = 0; i < n; i++)
        {
            var a = p.Assignments[i];
            ids[i] = a.EstateId;
            if (saved.EstatesById.TryGetValue(a.EstateId, out var e) && !e.Geometry.IsEmpty)
            {
                var c = e.Geometry is NetTopologySuite.Geometries.Point pt ? pt.Coordinate : e.Geometry.InteriorPoint.Coordinate;
                var (x, y) = saved.ToWgs84.Transform(c.X, c.Y);
                (lon[i], lat[i]) = (Math.Round(x, 6), Math.Round(y, 6));
            }
            site[i] = a.SiteId is { } s && a.Status == "served" && siteIndex.TryGetValue(s, out var k) ? k : -1;
            minutes[i] = a.Minutes is double m ? Math.Round(m, 1) : null;
            status[i] = a.Status;
        }
        return new PlanEstates(ids, lon, lat, site, minutes, status);
    }

    private static ComparisonAnswer Comparison(ScenarioComparison c, Lang lang) => new(
        c.Columns,
        c.Rows.Select(r => new ComparisonRowAnswer(r.Code, r.Parameter, r.Unit, r.Label(lang), r.Values)).ToList(),
        c.Changes, c.Estimated, c.CutoffMinutes, c.DataVersion);
}

/// <summary>A planning job: <c>kind</c> sites, rounds or compare; <c>state</c> running, done or failed; the answer that matches its kind once done.</summary>
public sealed record PlanningJobAnswer(string Id, string Kind, string State, string? Stage, int Done, int Total, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    long DataVersion, SitesAnswer? Sites, RoundResult? Round, ComparisonAnswer? Comparison, JobProblem? Problem);

/// <summary>Why a job failed: its HTTP status, catalogue code, title and reason in the request's language.</summary>
public sealed record JobProblem(int Status, string Code, string Title, string Detail);

/// <summary>
/// A site plan for the map. <c>coveredShare</c> in [0, 1]; <c>gap</c> relative; <c>optimal</c> only when proven; <c>estimated</c> when times
/// are straight-line; <c>timeSource</c> <c>road_graph</c>, <c>straight_line</c> or <c>user_file</c>; <c>description</c> the plan in one sentence;
/// <c>closedExisting</c> the existing points it closes with their declared staff in people (<c>staffTotal</c>).
/// </summary>
public sealed record SitesAnswer(string Problem, double Minutes, int Count, int? RequestedCount, long CoveredDwellings, long TotalDwellings, double CoveredShare,
    double Objective, double? Bound, double? Gap, bool Optimal, string Status, string Method, bool Estimated, string TimeSource, double? MeanMinutes,
    double? WorstMinutes, double Seconds, double SolveSeconds, string PlannedKind, bool KeepExisting, int? Capacity, IReadOnlyDictionary<string, int> CandidatesBySource,
    int MergedCandidates, string Description, IReadOnlyList<PlannedSite> Sites, IReadOnlyList<ClosedPoint> ClosedExisting,
    IReadOnlyList<Territory.Planning.Location.UncoverableEstate> Uncoverable, PlanEstates Estates)
{
    /// <summary>True when existing points were free to close (the plan starts from a clean slate).</summary>
    public bool FromCleanSlate { get; init; }
    /// <summary>LSCP only: the answer with every existing point kept (sites to add), when the plan closes points.</summary>
    public KeepExistingAlternative? KeepExistingAlternative { get; init; }
    /// <summary>Yearly cost of the new sites, euros (sites without a declared cost count 0).</summary>
    public double YearlyCost { get; init; }
    /// <summary>Budget of the new sites, euros a year; null for none.</summary>
    public double? Budget { get; init; }
    public int NewSitesWithoutCost { get; init; }
    /// <summary>What to read beside the headline, rendered in the request's language (<see cref="SitePlanNotes"/>).</summary>
    public IReadOnlyList<SitePlanNotes.Note> Notes { get; init; } = [];
}

/// <summary>The estates of a plan as columns (same index in each): id, WGS84 position, index of the serving site (−1: none), minutes, status.</summary>
public sealed record PlanEstates(IReadOnlyList<string> Id, IReadOnlyList<double?> Lon, IReadOnlyList<double?> Lat, IReadOnlyList<int> Site,
    IReadOnlyList<double?> Minutes, IReadOnlyList<string> Status);

/// <summary>A comparison for the map: networks as columns (the saved state first), measures as rows with their label, territories that change.</summary>
public sealed record ComparisonAnswer(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonRowAnswer> Rows, IReadOnlyList<TerritoryChange> Changes,
    bool Estimated, double CutoffMinutes, long DataVersion);

/// <summary>One measure: code, parameter (minutes or a kind), unit (<c>count</c>, <c>share</c>, <c>minutes</c>, <c>hours</c>, <c>fte</c>), label, one value per column.</summary>
public sealed record ComparisonRowAnswer(string Code, string? Parameter, string Unit, string Label, IReadOnlyList<double?> Values);
