namespace Territory.Planning.Matrix;

/// <summary>Sparse travel times from candidate sites to demand points (estates), bounded by a cut-off.</summary>
/// <remarks>
/// <para>For each site, the estates reachable within <see cref="MaxSeconds"/> with their car travel
/// time (seconds) and distance (metres, NaN when the source gave none), sorted by estate index.
/// A pair that is absent is either farther than the cut-off or unreachable: planning treats both
/// alike ("beyond reach").</para>
/// <para>Travel is <b>from the site to the estate</b>: staff drive out from the presence point
/// (one-way streets make the two directions differ).</para>
/// <para>Read-only once built and safe to share between threads.</para>
/// </remarks>
public sealed class CostMatrix
{
    internal readonly int[] RowStart;
    internal readonly int[] EstateIndex;
    internal readonly float[] SecondsValues;
    internal readonly float[] MetersValues;

    internal CostMatrix(IReadOnlyList<string> siteIds, IReadOnlyList<string> estateIds, double maxSeconds, CostSource source,
        int[] rowStart, int[] estateIndex, float[] seconds, float[] meters,
        IReadOnlyList<PointIssue?>? siteIssues = null, IReadOnlyList<PointIssue?>? estateIssues = null)
    {
        SiteIds = siteIds; EstateIds = estateIds; MaxSeconds = maxSeconds; Source = source;
        RowStart = rowStart; EstateIndex = estateIndex; SecondsValues = seconds; MetersValues = meters;
        SiteIssues = siteIssues ?? new PointIssue?[siteIds.Count];
        EstateIssues = estateIssues ?? new PointIssue?[estateIds.Count];
    }

    /// <summary>Candidate site ids, in row order.</summary>
    public IReadOnlyList<string> SiteIds { get; }

    /// <summary>Estate (demand point) ids, in column order.</summary>
    public IReadOnlyList<string> EstateIds { get; }

    public int SiteCount => SiteIds.Count;

    public int EstateCount => EstateIds.Count;

    /// <summary>Cut-off the matrix was built with, seconds: longer pairs are not stored.</summary>
    public double MaxSeconds { get; }

    /// <summary>Where the times come from.</summary>
    public CostSource Source { get; }

    /// <summary>True when the times are straight-line estimates (no road network): every output must say so.</summary>
    public bool Estimated => Source == CostSource.StraightLine;

    /// <summary>Number of stored (site, estate) pairs.</summary>
    public int PairCount => EstateIndex.Length;

    /// <summary>Why a site reaches nothing (not snapped to the road network…); null when it was placed.</summary>
    public IReadOnlyList<PointIssue?> SiteIssues { get; }

    /// <summary>Why an estate cannot be reached at all (not snapped…); null when it was placed.</summary>
    public IReadOnlyList<PointIssue?> EstateIssues { get; }

    /// <summary>Estate indices reached from a site within the cut-off, ascending.</summary>
    public ReadOnlySpan<int> EstatesOf(int site) => EstateIndex.AsSpan(RowStart[site], RowStart[site + 1] - RowStart[site]);

    /// <summary>Travel times of <see cref="EstatesOf"/>, seconds.</summary>
    public ReadOnlySpan<float> SecondsOf(int site) => SecondsValues.AsSpan(RowStart[site], RowStart[site + 1] - RowStart[site]);

    /// <summary>Travel distances of <see cref="EstatesOf"/>, metres (NaN when unknown).</summary>
    public ReadOnlySpan<float> MetersOf(int site) => MetersValues.AsSpan(RowStart[site], RowStart[site + 1] - RowStart[site]);

    /// <summary>Travel time from a site to an estate, seconds; null when beyond the cut-off or unreachable.</summary>
    public double? Seconds(int site, int estate)
    {
        int i = EstatesOf(site).BinarySearch(estate);
        return i < 0 ? null : SecondsValues[RowStart[site] + i];
    }

    /// <summary>Builds a matrix from per-site rows (each sorted by estate index).</summary>
    internal static CostMatrix FromRows(IReadOnlyList<string> siteIds, IReadOnlyList<string> estateIds, double maxSeconds, CostSource source,
        MatrixRow[] rows, IReadOnlyList<PointIssue?>? siteIssues = null, IReadOnlyList<PointIssue?>? estateIssues = null)
    {
        var start = new int[rows.Length + 1];
        for (int s = 0; s < rows.Length; s++) start[s + 1] = start[s] + rows[s].Count;
        var estates = new int[start[^1]];
        var seconds = new float[estates.Length];
        var meters = new float[estates.Length];
        for (int s = 0; s < rows.Length; s++)
        {
            var r = rows[s];
            r.Estates.AsSpan(0, r.Count).CopyTo(estates.AsSpan(start[s]));
            r.Seconds.AsSpan(0, r.Count).CopyTo(seconds.AsSpan(start[s]));
            r.Meters.AsSpan(0, r.Count).CopyTo(meters.AsSpan(start[s]));
        }
        return new CostMatrix(siteIds, estateIds, maxSeconds, source, start, estates, seconds, meters, siteIssues, estateIssues);
    }
}
