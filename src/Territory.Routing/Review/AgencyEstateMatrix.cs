namespace Territory.Routing.Review;

/// <summary>The agency × estate travel matrix of a review: one cell per pair, unreachable pairs with their reason.</summary>
/// <remarks>Seconds and metres by car (or straight-line estimates when the review had no road graph).</remarks>
public sealed class AgencyEstateMatrix
{
    private readonly (double? Seconds, double? Meters, string? Reason)[]?[] _rows;
    private readonly string?[] _rowReasons;

    /// <param name="agencyIds">Row order.</param>
    /// <param name="estateIds">Column order.</param>
    /// <param name="rows">One array of cells per agency, or null for an agency that reaches no estate at all (then every cell is its row reason).</param>
    /// <param name="rowReasons">Per agency: the reason of every cell of a null row.</param>
    internal AgencyEstateMatrix(IReadOnlyList<string> agencyIds, IReadOnlyList<string> estateIds, (double? Seconds, double? Meters, string? Reason)[]?[] rows, string?[] rowReasons)
    {
        AgencyIds = agencyIds;
        EstateIds = estateIds;
        _rows = rows;
        _rowReasons = rowReasons;
    }

    /// <summary>Row order: agency ids.</summary>
    public IReadOnlyList<string> AgencyIds { get; }

    /// <summary>Column order: estate ids.</summary>
    public IReadOnlyList<string> EstateIds { get; }

    /// <summary>Travel time in seconds, distance in metres, or the reason the pair could not be timed.</summary>
    public (double? DurationSeconds, double? DistanceMeters, string? UnreachableReason) this[int agency, int estate] =>
        _rows[agency] is { } row ? row[estate] : ((uint)estate < (uint)EstateIds.Count ? (null, null, _rowReasons[agency]) : throw new IndexOutOfRangeException());
}
