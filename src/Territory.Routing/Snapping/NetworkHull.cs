using Territory.Routing.Graph;

namespace Territory.Routing.Snapping;

/// <summary>Convex hull of a road graph's nodes in the lon/lat plane: the area the extract covers.</summary>
/// <remarks>
/// A point beyond it lies where the extract has no roads (often beyond the clip of a regional
/// extract): snapping it to the nearest border road would time it from the extract's edge. The
/// hull is computed on the nodes' 1e-7-degree integers (Andrew's monotone chain, exact integer
/// orientation tests); containment takes O(log h) for h hull vertices. Fewer than three
/// non-collinear nodes give no hull, and then every point counts as covered.
/// </remarks>
internal sealed class NetworkHull
{
    private readonly long[] _lon;
    private readonly long[] _lat;

    public NetworkHull(RoadGraph graph)
    {
        int n = graph.NodeCount;
        var keys = new ulong[n];
        for (int v = 0; v < n; v++)
            keys[v] = ((ulong)(uint)(graph.NodeLonE7[v] ^ int.MinValue) << 32) | (uint)(graph.NodeLatE7[v] ^ int.MinValue);
        Array.Sort(keys);
        var pts = new List<(long X, long Y)>(n);
        for (int i = 0; i < n; i++)
            if (i == 0 || keys[i] != keys[i - 1])
                pts.Add(((int)((uint)(keys[i] >> 32) ^ 0x80000000u), (int)((uint)keys[i] ^ 0x80000000u)));
        var hull = new List<(long X, long Y)>(64);
        if (pts.Count >= 3)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                int floor = hull.Count;
                for (int k = 0; k < pts.Count; k++)
                {
                    var p = pts[pass == 0 ? k : pts.Count - 1 - k];
                    while (hull.Count >= floor + 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
                    hull.Add(p);
                }
                hull.RemoveAt(hull.Count - 1);
            }
        }
        if (hull.Count < 3) hull.Clear();
        _lon = hull.Select(p => p.X).ToArray();
        _lat = hull.Select(p => p.Y).ToArray();
    }

    /// <summary>Hull vertices, counter-clockwise; empty when the graph has no area.</summary>
    public int VertexCount => _lon.Length;

    /// <summary>True when the point lies inside the hull or within <paramref name="toleranceMeters"/> of it (always true without a hull).</summary>
    /// <remarks>The tolerance keeps a town at the very edge of a clipped extract (a border crossing) inside the coverage.</remarks>
    public bool Covers(double lon, double lat, double toleranceMeters)
    {
        if (Contains(lon, lat)) return true;
        double mx = GeoMath.MetersPerDegreeLon(lat) * 1e-7, my = GeoMath.MetersPerDegreeLat * 1e-7;
        double x = lon * 1e7, y = lat * 1e7;
        int h = _lon.Length;
        for (int i = 0; i < h; i++)
        {
            int j = i + 1 == h ? 0 : i + 1;
            double ax = (_lon[i] - x) * mx, ay = (_lat[i] - y) * my, dx = (_lon[j] - _lon[i]) * mx, dy = (_lat[j] - _lat[i]) * my;
            double len2 = dx * dx + dy * dy;
            double t = len2 <= 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / len2, 0, 1);
            double px = ax + t * dx, py = ay + t * dy;
            if (px * px + py * py <= toleranceMeters * toleranceMeters) return true;
        }
        return false;
    }

    /// <summary>True when the point lies inside or on the hull (always true without a hull).</summary>
    public bool Contains(double lon, double lat)
    {
        int h = _lon.Length;
        if (h < 3) return true;
        double x = lon * 1e7, y = lat * 1e7;
        if (Side(0, 1, x, y) < 0 || Side(0, h - 1, x, y) > 0) return false;
        int lo = 1, hi = h - 1;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >> 1;
            if (Side(0, mid, x, y) >= 0) lo = mid; else hi = mid;
        }
        return Side(lo, lo + 1, x, y) >= 0;
    }

    /// <summary>Orientation of (x, y) against the hull edge a → b: positive on its left.</summary>
    private double Side(int a, int b, double x, double y) =>
        (_lon[b] - _lon[a]) * (y - _lat[a]) - (_lat[b] - _lat[a]) * (x - _lon[a]);

    private static Int128 Cross((long X, long Y) o, (long X, long Y) a, (long X, long Y) b) =>
        (Int128)(a.X - o.X) * (b.Y - o.Y) - (Int128)(a.Y - o.Y) * (b.X - o.X);
}
