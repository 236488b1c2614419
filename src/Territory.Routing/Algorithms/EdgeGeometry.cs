using Territory.Routing.Graph;

namespace Territory.Routing.Algorithms;

/// <summary>Slices of edge polylines between positions given as fractions of the edge length.</summary>
internal static class EdgeGeometry
{
    /// <summary>Appends the polyline from fraction <paramref name="from"/> to fraction <paramref name="to"/> (either direction).</summary>
    public static void AppendSlice(RoadGraph g, int edge, double from, double to, List<(double Lon, double Lat)> output)
    {
        int n = g.GetEdgePointCount(edge);
        var cumulative = new double[n];
        for (int i = 1; i < n; i++)
        {
            var a = g.GetEdgePoint(edge, i - 1);
            var b = g.GetEdgePoint(edge, i);
            cumulative[i] = cumulative[i - 1] + GeoMath.HaversineMeters(a.Lon, a.Lat, b.Lon, b.Lat);
        }
        double total = cumulative[^1];
        double d0 = from * total, d1 = to * total;
        Add(PointAt(d0));
        if (d1 >= d0)
        {
            for (int i = 0; i < n; i++) if (cumulative[i] > d0 && cumulative[i] < d1) Add(g.GetEdgePoint(edge, i));
        }
        else
        {
            for (int i = n - 1; i >= 0; i--) if (cumulative[i] < d0 && cumulative[i] > d1) Add(g.GetEdgePoint(edge, i));
        }
        Add(PointAt(d1));

        void Add((double Lon, double Lat) p)
        {
            if (output.Count == 0 || output[^1] != p) output.Add(p);
        }

        (double Lon, double Lat) PointAt(double d)
        {
            if (total <= 0 || d <= 0) return g.GetEdgePoint(edge, 0);
            for (int i = 1; i < n; i++)
            {
                if (d <= cumulative[i])
                {
                    double seg = cumulative[i] - cumulative[i - 1];
                    double t = seg <= 0 ? 0 : (d - cumulative[i - 1]) / seg;
                    var a = g.GetEdgePoint(edge, i - 1);
                    var b = g.GetEdgePoint(edge, i);
                    return (a.Lon + t * (b.Lon - a.Lon), a.Lat + t * (b.Lat - a.Lat));
                }
            }
            return g.GetEdgePoint(edge, n - 1);
        }
    }
}
