using Territory.Core.Model;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>The measures of a comparison, one value per evaluated network.</summary>
internal static class ComparisonRows
{
    public static List<ComparisonRow> Build(ProjectData data, IReadOnlyList<NetworkEvaluation> networks, ComparisonOptions options,
        IReadOnlyList<TerritoryChange> changes, IReadOnlyList<string> scenarioNames)
    {
        var dwellings = data.Estates.ToDictionary(e => e.Id, e => (double)e.Dwellings, StringComparer.Ordinal);
        double total = dwellings.Values.Sum();
        var rows = new List<ComparisonRow>();
        foreach (var kind in AgencyKinds.All.Where(k => networks.Any(n => n.Agencies.Any(a => a.Kind == k))))
            rows.Add(Row(ComparisonMetrics.Sites, kind.Code(), "count", networks, n => n.Agencies.Count(a => a.Kind == kind)));
        foreach (var t in options.ThresholdsMinutes)
            rows.Add(Row(ComparisonMetrics.WithinNearest, Minutes(t), "share", networks,
                n => Share(n.Review.Estates.Where(e => e.NearestDurationSeconds <= t * 60).Sum(e => dwellings[e.EstateId]), total)));
        foreach (var t in options.ThresholdsMinutes)
            rows.Add(Row(ComparisonMetrics.WithinManaging, Minutes(t), "share", networks,
                n => Share(n.Review.Access.Where(a => a.DurationSeconds <= t * 60).Sum(a => dwellings[a.EstateId]), total)));
        rows.Add(Row(ComparisonMetrics.MeanMinutes, null, "minutes", networks, n => Weighted(n, dwellings).Mean));
        rows.Add(Row(ComparisonMetrics.P90Minutes, null, "minutes", networks, n => Weighted(n, dwellings).P90));
        var cut = options.CutoffMinutes * 60;
        rows.Add(Row(ComparisonMetrics.EstatesBeyond, Minutes(options.CutoffMinutes), "count", networks,
            n => n.Review.Estates.Count(e => !(e.NearestDurationSeconds <= cut))));
        rows.Add(Row(ComparisonMetrics.DwellingsBeyond, Minutes(options.CutoffMinutes), "count", networks,
            n => n.Review.Estates.Where(e => !(e.NearestDurationSeconds <= cut)).Sum(e => dwellings[e.EstateId])));
        rows.Add(Row(ComparisonMetrics.CaretakingEnsemblesInDeficit, null, "count", networks, n => n.Analysis.OwnCaretaking.EnsemblesInDeficit));
        rows.Add(Row(ComparisonMetrics.CaretakingDeficitFte, null, "fte", networks, n => n.Analysis.OwnCaretaking.DeficitFte));
        if (networks.Any(n => n.Round is not null))
        {
            rows.Add(Row(ComparisonMetrics.RoundsDriveHours, null, "hours", networks, n => n.Round?.WeeklyDriveHours));
            rows.Add(Row(ComparisonMetrics.RoundsUnplanned, null, "count", networks, n => n.Round?.Unplanned.Count));
        }
        var costs = data.Candidates.Where(c => c.YearlyCost is not null).GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().YearlyCost!.Value, StringComparer.Ordinal);
        var today = data.Agencies.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        rows.Add(Row(ComparisonMetrics.YearlyCost, null, "euros", networks,
            n => n.Agencies.Where(a => !today.Contains(a.Id)).Sum(a => costs.GetValueOrDefault(a.Id))));
        var changed = new List<double?> { 0 };
        changed.AddRange(scenarioNames.Select(name => (double?)changes.Count(c => c.Scenario == name)));
        rows.Add(new ComparisonRow(ComparisonMetrics.TerritoriesChanged, null, "count", changed));
        return rows;
    }

    private static string Minutes(double t) => t.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static ComparisonRow Row(string code, string? parameter, string unit, IReadOnlyList<NetworkEvaluation> networks, Func<NetworkEvaluation, double?> value) =>
        new(code, parameter, unit, networks.Select(value).ToList());

    private static double Share(double part, double total) => total <= 0 ? 0 : part / total;

    /// <summary>Dwelling-weighted mean and 90th percentile of the nearest-point time of the reached estates, minutes.</summary>
    internal static (double? Mean, double? P90) Weighted(NetworkEvaluation n, IReadOnlyDictionary<string, double> dwellings)
    {
        var times = n.Review.Estates.Where(e => e.NearestDurationSeconds is not null)
            .Select(e => (Minutes: e.NearestDurationSeconds!.Value / 60, Weight: dwellings[e.EstateId])).OrderBy(x => x.Minutes).ToList();
        double weight = times.Sum(x => x.Weight);
        if (times.Count == 0 || weight <= 0) return (null, null);
        double mean = times.Sum(x => x.Minutes * x.Weight) / weight, seen = 0;
        foreach (var (minutes, w) in times)
        {
            seen += w;
            if (seen >= 0.9 * weight - 1e-9) return (mean, minutes);
        }
        return (mean, times[^1].Minutes);
    }
}
