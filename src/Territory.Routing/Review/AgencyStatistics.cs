using Territory.Core.Model;

namespace Territory.Routing.Review;

/// <summary>Dwelling-weighted travel statistics for one agency.</summary>
internal static class AgencyStatistics
{
    /// <summary>Summaries of every agency, in agency order: one pass over the estates, not one per agency.</summary>
    public static AgencyTravelSummary[] SummariseAll(IReadOnlyList<Agency> agencies, IReadOnlyList<Estate> estates, EstateAccess[] access, EstateTravel[] travels,
        IReadOnlyList<int> thresholdsMinutes, bool estimated)
    {
        var served = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var nearerElsewhere = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int e = 0; e < estates.Count; e++)
        {
            if (travels[e].ManagingAgencyId is { } managing && travels[e].NearestAgencyId is { } n && n != managing)
                nearerElsewhere[managing] = nearerElsewhere.GetValueOrDefault(managing) + 1;
            if (access[e].AgencyId is not { } id) continue;
            if (!served.TryGetValue(id, out var list)) served[id] = list = [];
            list.Add(e);
        }
        return agencies.Select(a => Summarise(a.Id, served.GetValueOrDefault(a.Id) ?? [], nearerElsewhere.GetValueOrDefault(a.Id), estates, access,
            thresholdsMinutes, estimated)).ToArray();
    }

    private static AgencyTravelSummary Summarise(string agencyId, List<int> servedEstates, int nearerElsewhere, IReadOnlyList<Estate> estates, EstateAccess[] access,
        IReadOnlyList<int> thresholdsMinutes, bool estimated)
    {
        var timed = new List<(double Minutes, int Dwellings)>();
        int estateCount = 0, dwellings = 0, unreachable = 0;
        foreach (int e in servedEstates)
        {
            estateCount++;
            dwellings += estates[e].Dwellings;
            if (access[e].DurationSeconds is { } s) timed.Add((s / 60.0, estates[e].Dwellings));
            else unreachable++;
        }
        timed.Sort((x, y) => x.Minutes.CompareTo(y.Minutes));
        long weight = timed.Sum(t => (long)Math.Max(0, t.Dwellings));
        var beyond = thresholdsMinutes.Distinct().ToDictionary(m => m, m => timed.Where(t => t.Minutes > m).Sum(t => t.Dwellings));
        if (timed.Count == 0)
            return new AgencyTravelSummary(agencyId, estateCount, dwellings, null, null, null, null, beyond, nearerElsewhere, unreachable, estimated);
        double mean = weight > 0 ? timed.Sum(t => t.Minutes * t.Dwellings) / weight : timed.Average(t => t.Minutes);
        return new AgencyTravelSummary(agencyId, estateCount, dwellings, mean, Quantile(0.5), Quantile(0.9), timed[^1].Minutes,
            beyond, nearerElsewhere, unreachable, estimated);

        double Quantile(double q)
        {
            if (weight <= 0) return timed[(int)Math.Min(timed.Count - 1, Math.Floor(q * timed.Count))].Minutes;
            double cumulative = 0;
            foreach (var t in timed)
            {
                cumulative += t.Dwellings;
                if (cumulative >= q * weight) return t.Minutes;
            }
            return timed[^1].Minutes;
        }
    }
}
