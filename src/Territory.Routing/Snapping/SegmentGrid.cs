using Territory.Routing.Graph;

namespace Territory.Routing.Snapping;

/// <summary>Uniform lon/lat grid over edge segments (pairs of consecutive polyline points).</summary>
/// <remarks>
/// Cells are square in metres at the graph's mean latitude; a segment is listed in every cell its
/// bounding box touches. Cells are a dense CSR array over the graph's cell extent when that
/// extent is at most a few times the number of listed segments (any regional graph), else a
/// hash table whose keys are mixed (a plain <c>x &lt;&lt; 32 | y</c> key hashes to <c>x ^ y</c>,
/// which piles hundreds of cells on one bucket). Each slot keeps its segment's two ends (1e-7
/// degree integers, 16 bytes) so a search reads a cell sequentially. Read-only once built: thread-safe.
/// </remarks>
internal sealed class SegmentGrid
{
    private readonly int[]? _denseFirst;
    private readonly Dictionary<long, int>? _sparseIndex;
    private readonly int[]? _sparseFirst;
    private readonly int[] _segEdge;
    private readonly int[] _segIndex;
    private readonly bool[] _segLargest;
    private readonly int[] _segCoordinatesE7;

    public double CellLonDegrees { get; }

    public double CellLatDegrees { get; }

    public double CellSizeMeters { get; }

    /// <summary>Cell range holding at least one segment (inclusive); empty grid when <see cref="IsEmpty"/>.</summary>
    public int MinCellX { get; }

    public int MinCellY { get; }

    public int MaxCellX { get; }

    public int MaxCellY { get; }

    /// <param name="graph">The road graph.</param>
    /// <param name="includeEdge">Edges to index.</param>
    /// <param name="inLargestComponent">Per indexed edge: both nodes in a road network of its own (<see cref="RoadGraph.IsInMainComponent"/>), not a small fragment.</param>
    /// <param name="cellSizeMeters">Cell side, metres.</param>
    public SegmentGrid(RoadGraph graph, Func<int, bool> includeEdge, Func<int, bool> inLargestComponent, double cellSizeMeters)
    {
        CellSizeMeters = cellSizeMeters;
        double meanLat = 0;
        for (int v = 0; v < graph.NodeCount; v++) meanLat += graph.GetNodeLat(v);
        meanLat = graph.NodeCount == 0 ? 0 : meanLat / graph.NodeCount;
        CellLatDegrees = cellSizeMeters / GeoMath.MetersPerDegreeLat;
        CellLonDegrees = cellSizeMeters / Math.Max(1.0, GeoMath.MetersPerDegreeLon(meanLat));
        var pairs = new List<(int X, int Y, int Seg)>();
        var segEdge = new List<int>();
        var segIndex = new List<int>();
        int minX = int.MaxValue, minY = int.MaxValue, maxX = int.MinValue, maxY = int.MinValue;
        for (int e = 0; e < graph.EdgeCount; e++)
        {
            if (!includeEdge(e)) continue;
            int n = graph.GetEdgePointCount(e);
            var p = graph.GetEdgePoint(e, 0);
            for (int i = 1; i < n; i++)
            {
                var q = graph.GetEdgePoint(e, i);
                int seg = segEdge.Count;
                segEdge.Add(e); segIndex.Add(i - 1);
                int x0 = CellX(Math.Min(p.Lon, q.Lon)), x1 = CellX(Math.Max(p.Lon, q.Lon));
                int y0 = CellY(Math.Min(p.Lat, q.Lat)), y1 = CellY(Math.Max(p.Lat, q.Lat));
                (minX, maxX, minY, maxY) = (Math.Min(minX, x0), Math.Max(maxX, x1), Math.Min(minY, y0), Math.Max(maxY, y1));
                for (int x = x0; x <= x1; x++)
                    for (int y = y0; y <= y1; y++)
                        pairs.Add((x, y, seg));
                p = q;
            }
        }
        (MinCellX, MinCellY, MaxCellX, MaxCellY) = pairs.Count == 0 ? (0, 0, -1, -1) : (minX, minY, maxX, maxY);
        pairs.Sort((a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X != b.X ? a.X.CompareTo(b.X) : a.Seg.CompareTo(b.Seg));
        _segEdge = new int[pairs.Count];
        _segIndex = new int[pairs.Count];
        _segLargest = new bool[pairs.Count];
        _segCoordinatesE7 = new int[4 * pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            int s = pairs[i].Seg;
            _segEdge[i] = segEdge[s]; _segIndex[i] = segIndex[s]; _segLargest[i] = inLargestComponent(segEdge[s]);
            var (p, q) = (graph.GetEdgePointE7(segEdge[s], segIndex[s]), graph.GetEdgePointE7(segEdge[s], segIndex[s] + 1));
            (_segCoordinatesE7[4 * i], _segCoordinatesE7[4 * i + 1], _segCoordinatesE7[4 * i + 2], _segCoordinatesE7[4 * i + 3]) = (p.LonE7, p.LatE7, q.LonE7, q.LatE7);
        }
        long width = (long)MaxCellX - MinCellX + 1, height = (long)MaxCellY - MinCellY + 1;
        if (pairs.Count == 0) return;
        if (width * height <= Math.Max(1L << 20, 4L * pairs.Count))
        {
            _denseFirst = new int[width * height + 1];
            foreach (var (x, y, _) in pairs) _denseFirst[(y - MinCellY) * width + (x - MinCellX) + 1]++;
            for (long c = 0; c < width * height; c++) _denseFirst[c + 1] += _denseFirst[c];
            return;
        }
        _sparseIndex = new Dictionary<long, int>(MixedKeyComparer.Instance);
        var first = new List<int>();
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i > 0 && pairs[i - 1].X == pairs[i].X && pairs[i - 1].Y == pairs[i].Y) continue;
            _sparseIndex[Key(pairs[i].X, pairs[i].Y)] = first.Count;
            first.Add(i);
        }
        first.Add(pairs.Count);
        _sparseFirst = [.. first];
    }

    public bool IsEmpty => _segEdge.Length == 0;

    public int CellX(double lon) => (int)Math.Floor(lon / CellLonDegrees);

    public int CellY(double lat) => (int)Math.Floor(lat / CellLatDegrees);

    /// <summary>The listed segments of a cell as a range [start, end) of segment slots.</summary>
    public bool TryGetCell(int x, int y, out int start, out int end)
    {
        start = end = 0;
        if (x < MinCellX || x > MaxCellX || y < MinCellY || y > MaxCellY) return false;
        if (_denseFirst is not null)
        {
            long c = (long)(y - MinCellY) * (MaxCellX - MinCellX + 1) + (x - MinCellX);
            (start, end) = (_denseFirst[c], _denseFirst[c + 1]);
            return end > start;
        }
        if (!_sparseIndex!.TryGetValue(Key(x, y), out int k)) return false;
        (start, end) = (_sparseFirst![k], _sparseFirst[k + 1]);
        return true;
    }

    public int SegmentEdge(int i) => _segEdge[i];

    /// <summary>The slot's segment ends in 1e-7 degrees, copied beside the slot so a search reads them in cell order.</summary>
    public ReadOnlySpan<int> SegmentCoordinatesE7(int start, int end) => _segCoordinatesE7.AsSpan(4 * start, 4 * (end - start));

    public int SegmentIndex(int i) => _segIndex[i];

    /// <summary>True when the slot's edge lies in a road network of its own (not a small fragment).</summary>
    public bool SegmentInLargestComponent(int i) => _segLargest[i];

    private static long Key(int x, int y) => ((long)x << 32) | (uint)y;

    /// <summary>Fibonacci hashing of the whole 64-bit key: neighbouring cells spread over all buckets.</summary>
    private sealed class MixedKeyComparer : IEqualityComparer<long>
    {
        public static readonly MixedKeyComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
