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

    /// <summary>A matrix read back from a stored result: the same rows and reasons it was written from.</summary>
    /// <param name="agencyIds">Row order.</param>
    /// <param name="estateIds">Column order.</param>
    /// <param name="rows">One array of cells per agency (as long as <paramref name="estateIds"/>), or null for an agency that reaches no estate.</param>
    /// <param name="rowReasons">Per agency: the reason of every cell of a null row.</param>
    public static AgencyEstateMatrix FromRows(IReadOnlyList<string> agencyIds, IReadOnlyList<string> estateIds,
        (double? Seconds, double? Meters, string? Reason)[]?[] rows, string?[] rowReasons)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rowReasons);
        if (rows.Length != agencyIds.Count || rowReasons.Length != agencyIds.Count || rows.Any(r => r is not null && r.Length != estateIds.Count))
            throw new ArgumentException("Rows do not match the agency and estate ids.", nameof(rows));
        return new AgencyEstateMatrix(agencyIds, estateIds, rows, rowReasons);
    }

    /// <summary>True when the agency has its own cells; false when it reaches no estate (every cell is <see cref="RowReason"/>).</summary>
    public bool HasRow(int agency) => _rows[agency] is not null;

    /// <summary>The reason of every cell of an agency without a row (null for an agency with one).</summary>
    public string? RowReason(int agency) => _rowReasons[agency];

    /// <summary>The cells of an agency's row, or null when it has none (see <see cref="HasRow"/>); never change them.</summary>
    public ReadOnlySpan<(double? Seconds, double? Meters, string? Reason)> Row(int agency) => _rows[agency];

    /// <summary>Row order: agency ids.</summary>
    public IReadOnlyList<string> AgencyIds { get; }

    /// <summary>Column order: estate ids.</summary>
    public IReadOnlyList<string> EstateIds { get; }

    /// <summary>Travel time in seconds, distance in metres, or the reason the pair could not be timed.</summary>
    public (double? DurationSeconds, double? DistanceMeters, string? UnreachableReason) this[int agency, int estate] =>
        _rows[agency] is { } row ? row[estate] : ((uint)estate < (uint)EstateIds.Count ? (null, null, _rowReasons[agency]) : throw new IndexOutOfRangeException());
}
