using Territory.Core.Model;
using Territory.Routing.Review;

namespace Territory.Web.State;

/// <summary>How well the presence points cover the dwellings: share within 20/30/45 minutes of the nearest point.</summary>
public sealed record Coverage(
    int Dwellings,
    double Within20,
    double Within30,
    double Within45,
    int DwellingsWithin20,
    int DwellingsWithin30,
    int DwellingsWithin45,
    double? MeanMinutes,
    double? P90Minutes,
    double? MaxMinutes,
    int UnreachableDwellings,
    bool Estimated)
{
    /// <summary>Coverage from a travel review (nearest presence point of any kind, dwelling-weighted).</summary>
    public static Coverage Of(IReadOnlyList<Estate> estates, AgencyTravelReviewResult? review)
    {
        var total = estates.Sum(e => e.Dwellings);
        if (review is null)
            return new Coverage(total, 0, 0, 0, 0, 0, 0, null, null, null, total, true);
        var byId = review.Estates.ToDictionary(t => t.EstateId, StringComparer.Ordinal);
        var timed = new List<(double Minutes, int Dwellings)>(estates.Count);
        int unreachable = 0;
        foreach (var e in estates)
        {
            if (byId.TryGetValue(e.Id, out var t) && t.NearestDurationSeconds is double s)
                timed.Add((s / 60, e.Dwellings));
            else
                unreachable += e.Dwellings;
        }
        int Within(double minutes) => timed.Where(t => t.Minutes <= minutes).Sum(t => t.Dwellings);
        double Share(int d) => total == 0 ? 0 : (double)d / total;
        var w20 = Within(20);
        var w30 = Within(30);
        var w45 = Within(45);
        var timedDwellings = timed.Sum(t => t.Dwellings);
        double? mean = timedDwellings == 0 ? null : timed.Sum(t => t.Minutes * t.Dwellings) / timedDwellings;
        double? p90 = timedDwellings == 0 ? null : WeightedPercentile(timed, 0.9);
        double? max = timed.Count == 0 ? null : timed.Max(t => t.Minutes);
        return new Coverage(total, Share(w20), Share(w30), Share(w45), w20, w30, w45, mean, p90, max, unreachable, review.Estimated);
    }

    private static double WeightedPercentile(List<(double Minutes, int Dwellings)> values, double q)
    {
        var sorted = values.OrderBy(v => v.Minutes).ToList();
        var total = sorted.Sum(v => (long)v.Dwellings);
        var target = q * total;
        long running = 0;
        foreach (var (minutes, dwellings) in sorted)
        {
            running += dwellings;
            if (running >= target)
                return minutes;
        }
        return sorted[^1].Minutes;
    }
}
