using Territory.Routing.Graph;

namespace Territory.Routing.Snapping;

/// <summary>Uniform lon/lat grid over edge segments (pairs of consecutive polyline points).</summary>
/// <remarks>Cells are square in metres at the graph's mean latitude; a segment is listed in every cell its bounding box touches.</remarks>
internal sealed class SegmentGrid
{
    private readonly Dictionary<long, (int Start, int Count)> _cells;
    private readonly int[] _segEdge;
    private readonly int[] _segIndex;

    public double CellLonDegrees { get; }

    public double CellLatDegrees { get; }

    public double CellSizeMeters { get; }

    public SegmentGrid(RoadGraph graph, Func<int, bool> includeEdge, double cellSizeMeters)
    {
        CellSizeMeters = cellSizeMeters;
        double meanLat = 0;
        for (int v = 0; v < graph.NodeCount; v++) meanLat += graph.GetNodeLat(v);
        meanLat = graph.NodeCount == 0 ? 0 : meanLat / graph.NodeCount;
        CellLatDegrees = cellSizeMeters / GeoMath.MetersPerDegreeLat;
        CellLonDegrees = cellSizeMeters / Math.Max(1.0, GeoMath.MetersPerDegreeLon(meanLat));
        var pairs = new List<(long Cell, int Seg)>();
        var segEdge = new List<int>();
        var segIndex = new List<int>();
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
                for (int x = x0; x <= x1; x++)
                    for (int y = y0; y <= y1; y++)
                        pairs.Add((Key(x, y), seg));
                p = q;
            }
        }
        pairs.Sort((a, b) => a.Cell != b.Cell ? a.Cell.CompareTo(b.Cell) : a.Seg.CompareTo(b.Seg));
        _segEdge = new int[pairs.Count];
        _segIndex = new int[pairs.Count];
        _cells = [];
        for (int i = 0; i < pairs.Count; i++)
        {
            int s = pairs[i].Seg;
            _segEdge[i] = segEdge[s]; _segIndex[i] = segIndex[s];
            if (i == 0 || pairs[i - 1].Cell != pairs[i].Cell) _cells[pairs[i].Cell] = (i, 1);
            else { var c = _cells[pairs[i].Cell]; _cells[pairs[i].Cell] = (c.Start, c.Count + 1); }
        }
    }

    public bool IsEmpty => _cells.Count == 0;

    public int CellX(double lon) => (int)Math.Floor(lon / CellLonDegrees);

    public int CellY(double lat) => (int)Math.Floor(lat / CellLatDegrees);

    public bool TryGetCell(int x, int y, out int start, out int count)
    {
        bool found = _cells.TryGetValue(Key(x, y), out var c);
        (start, count) = c;
        return found;
    }

    public int SegmentEdge(int i) => _segEdge[i];

    public int SegmentIndex(int i) => _segIndex[i];

    private static long Key(int x, int y) => ((long)x << 32) | (uint)y;
}
