namespace Territory.Routing.Review;

/// <summary>The agency × estate travel matrix of a review: one cell per pair, unreachable pairs with their reason.</summary>
/// <remarks>Seconds and metres by car (or straight-line estimates when the review had no road graph).</remarks>
public sealed class AgencyEstateMatrix
{
    private readonly (double? Seconds, double? Meters, string? Reason)[,] _cells;

    internal AgencyEstateMatrix(IReadOnlyList<string> agencyIds, IReadOnlyList<string> estateIds, (double? Seconds, double? Meters, string? Reason)[,] cells)
    {
        AgencyIds = agencyIds;
        EstateIds = estateIds;
        _cells = cells;
    }

    /// <summary>Row order: agency ids.</summary>
    public IReadOnlyList<string> AgencyIds { get; }

    /// <summary>Column order: estate ids.</summary>
    public IReadOnlyList<string> EstateIds { get; }

    /// <summary>Travel time in seconds, distance in metres, or the reason the pair could not be timed.</summary>
    public (double? DurationSeconds, double? DistanceMeters, string? UnreachableReason) this[int agency, int estate] => _cells[agency, estate];
}
