using Territory.Routing.Algorithms;

namespace Territory.Routing.Review;

/// <summary>The agency × estate travel matrix of a review: one cell per pair, unreachable pairs with their reason.</summary>
/// <remarks>
/// Seconds and metres by car (or straight-line estimates when the review had no road graph). Rows are kept
/// sparsely (<see cref="SparseTravelRow"/>): the reached cells, and one reason for the others — most pairs of a
/// multi-département project have no road path, and a dense matrix of 150 agencies × 150,000 estates took 0.9 GB.
/// </remarks>
public sealed class AgencyEstateMatrix
{
    private readonly SparseTravelRow?[] _rows;
    private readonly string?[] _rowReasons;

    /// <param name="agencyIds">Row order.</param>
    /// <param name="estateIds">Column order.</param>
    /// <param name="rows">One sparse row per agency, or null for an agency that reaches no estate at all (then every cell is its row reason).</param>
    /// <param name="rowReasons">Per agency: the reason of every cell of a null row.</param>
    internal AgencyEstateMatrix(IReadOnlyList<string> agencyIds, IReadOnlyList<string> estateIds, SparseTravelRow?[] rows, string?[] rowReasons)
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
        return new AgencyEstateMatrix(agencyIds, estateIds, rows.Select(r => r is null ? null : SparseTravelRow.FromCells(r)).ToArray(), rowReasons);
    }

    /// <summary>True when the agency has its own cells; false when it reaches no estate (every cell is <see cref="RowReason"/>).</summary>
    public bool HasRow(int agency) => _rows[agency] is not null;

    /// <summary>The reason of every cell of an agency without a row (null for an agency with one).</summary>
    public string? RowReason(int agency) => _rowReasons[agency];

    /// <summary>The cells of an agency's row (a copy, one per estate), or empty when it has none (see <see cref="HasRow"/>).</summary>
    public ReadOnlySpan<(double? Seconds, double? Meters, string? Reason)> Row(int agency) => _rows[agency]?.ToArray();

    /// <summary>The estates an agency reaches (seconds and metres known), ascending; empty without a row.</summary>
    public ReadOnlySpan<int> Reached(int agency) => _rows[agency] is { } row ? row.Reached : [];

    /// <summary>Seconds to the estates of <see cref="Reached"/>, in its order.</summary>
    public ReadOnlySpan<double> ReachedSeconds(int agency) => _rows[agency] is { } row ? row.Seconds : [];

    /// <summary>Row order: agency ids.</summary>
    public IReadOnlyList<string> AgencyIds { get; }

    /// <summary>Column order: estate ids.</summary>
    public IReadOnlyList<string> EstateIds { get; }

    /// <summary>Bytes held by the cells (the benchmarks report it).</summary>
    public long CellBytes => _rows.Sum(r => r?.Bytes ?? 0);

    /// <summary>Travel time in seconds, distance in metres, or the reason the pair could not be timed.</summary>
    public (double? DurationSeconds, double? DistanceMeters, string? UnreachableReason) this[int agency, int estate] =>
        _rows[agency] is { } row ? row[estate] : ((uint)estate < (uint)EstateIds.Count ? (null, null, _rowReasons[agency]) : throw new IndexOutOfRangeException());

    /// <summary>An agency's row as it is kept (reached cells, the row's reason, the cells kept whole), or null without a row.</summary>
    public SparseTravelRow? SparseRow(int agency) => _rows[agency];

    /// <summary>A matrix read back from sparse rows (a stored result).</summary>
    /// <exception cref="ArgumentException">The rows do not match the ids.</exception>
    public static AgencyEstateMatrix FromSparseRows(IReadOnlyList<string> agencyIds, IReadOnlyList<string> estateIds, SparseTravelRow?[] rows, string?[] rowReasons)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(rowReasons);
        if (rows.Length != agencyIds.Count || rowReasons.Length != agencyIds.Count || rows.Any(r => r is not null && r.Length != estateIds.Count))
            throw new ArgumentException("Rows do not match the agency and estate ids.", nameof(rows));
        return new AgencyEstateMatrix(agencyIds, estateIds, rows, rowReasons);
    }
}
