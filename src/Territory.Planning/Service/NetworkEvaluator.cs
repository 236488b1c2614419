using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Routing.Graph;
using Territory.Routing.Review;
using Territory.Store;

namespace Territory.Planning.Service;

/// <summary>Evaluates a presence network the way <c>territory analyse</c> does: travel review, nearest point by kind, analysis; plus its mobile round.</summary>
public static class NetworkEvaluator
{
    /// <param name="data">The project as saved (estates, communes, QPV).</param>
    /// <param name="agencies">The network to evaluate.</param>
    /// <param name="graph">The road graph, or null for straight-line estimates.</param>
    /// <param name="options">Thresholds, typology and round settings.</param>
    /// <param name="sites">
    /// Sites the presence plan lists (its sites hook): null takes the points of <paramref name="agencies"/> that are not in
    /// the saved state, each serving the estates it is the nearest point of.
    /// </param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static NetworkEvaluation Evaluate(ProjectData data, IReadOnlyList<Agency> agencies, RoadGraph? graph, ComparisonOptions options,
        IReadOnlyList<SitePlacement>? sites = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var review = AgencyTravelReview.Compute(data.Estates, agencies, data.WorkingCrs, graph, new ReviewOptions { Hierarchy = graph?.Hierarchy }, null, cancellationToken);
        var access = review.Access.ToDictionary(a => a.EstateId, StringComparer.Ordinal);
        var input = data.ToAnalysisInput(access) with
        {
            Agencies = agencies, NearestPresence = NearestPresenceByKind.Compute(review, data.Estates, agencies), Sites = sites ?? NewPoints(data, agencies, review),
        };
        var analysis = TerritoryAnalysis.Run(input, options.Config, cancellationToken);
        return new NetworkEvaluation(agencies, review, analysis, Round(data with { Agencies = agencies }, graph, options, cancellationToken));
    }

    /// <summary>Points absent from the saved state, each with the estates it is the nearest point of.</summary>
    private static List<SitePlacement> NewPoints(ProjectData data, IReadOnlyList<Agency> agencies, AgencyTravelReviewResult review)
    {
        var saved = data.Agencies.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var served = review.Estates.Where(e => e.NearestAgencyId is not null).GroupBy(e => e.NearestAgencyId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(e => e.EstateId).ToList(), StringComparer.Ordinal);
        return agencies.Where(a => !saved.Contains(a.Id))
            .Select(a => new SitePlacement(a.Id, a.Name, a.Kind, served.GetValueOrDefault(a.Id) ?? [])).ToList();
    }

    /// <summary>The week of the network's mobile stops, from the given base or the agency nearest their centre; null without stops or base.</summary>
    private static RoundResult? Round(ProjectData network, RoadGraph? graph, ComparisonOptions options, CancellationToken ct)
    {
        var stops = network.Agencies.Where(a => a.Kind == AgencyKind.ArretAgenceMobile).ToList();
        if (stops.Count == 0) return null;
        var home = network.Agencies.FirstOrDefault(a => string.Equals(a.Id, options.RoundBaseId, StringComparison.Ordinal)) ?? NearestAgency(network.Agencies, stops);
        if (home is null) return null;
        return RoundService.Plan(network, graph, new RoundOptions
        {
            BaseId = home.Id, Stops = RoundStops.FromIds(network, stops.Select(s => s.Id), options.RoundStopMinutes),
            Days = options.RoundDays, DayHours = options.RoundDayHours, TimeLimitSeconds = options.RoundTimeLimitSeconds,
        }, null, ct);
    }

    /// <summary>The agency (or head office, or antenna) nearest the centre of the stops, in straight line.</summary>
    private static Agency? NearestAgency(IReadOnlyList<Agency> agencies, IReadOnlyList<Agency> stops)
    {
        double x = stops.Average(s => s.Location.X), y = stops.Average(s => s.Location.Y);
        return agencies.Where(a => a.Kind is AgencyKind.Agence or AgencyKind.Siege or AgencyKind.Antenne)
            .OrderBy(a => (a.Location.X - x) * (a.Location.X - x) + (a.Location.Y - y) * (a.Location.Y - y)).ThenBy(a => a.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
