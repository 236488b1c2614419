using Territory.Routing.Graph;

namespace Territory.Planning.Tests.Matrix;

/// <summary>Road graphs built inline (WGS84, around Toulouse).</summary>
internal static class TestGraphs
{
    public const double Lon0 = 1.44, Lat0 = 43.60;

    /// <summary>About one metre in degrees of latitude / longitude at 43.6°.</summary>
    public const double MeterLat = 1 / 111_195.0, MeterLon = 1 / 80_500.0;

    /// <summary>
    /// A line of four nodes 1 km apart going east: 0 ⇄ 1 (60 s), 1 → 2 one-way east (60 s), 2 ⇄ 3 (60 s), plus
    /// a slow detour 2 → 1 going back west (300 s).
    /// </summary>
    public static RoadGraph Line()
    {
        var b = new RoadGraphBuilder();
        for (int i = 0; i < 4; i++) b.AddNode(Lon0 + i * 1000 * MeterLon, Lat0);
        int detour = b.AddNode(Lon0 + 1500 * MeterLon, Lat0 + 300 * MeterLat);
        b.AddEdge(0, 1, 60);
        b.AddEdge(1, 2, 60, forward: true, backward: false);
        b.AddEdge(2, 3, 60);
        b.AddEdge(2, detour, 150, forward: true, backward: false);
        b.AddEdge(detour, 1, 150, forward: true, backward: false);
        return b.Build();
    }

    /// <summary>A jittered w × h grid, ~200 m spacing, seeded speeds, a few one-way streets.</summary>
    public static RoadGraph Grid(int w, int h, int seed)
    {
        var random = new Random(seed);
        var b = new RoadGraphBuilder();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                b.AddNode(Lon0 + (x + 0.2 * random.NextDouble()) * 200 * MeterLon, Lat0 + (y + 0.2 * random.NextDouble()) * 200 * MeterLat);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int v = y * w + x;
                if (x + 1 < w) Link(v, v + 1);
                if (y + 1 < h) Link(v, v + w);
            }
        return b.Build();

        void Link(int u, int v)
        {
            double seconds = 200 / ((20 + 40 * random.NextDouble()) / 3.6);
            bool oneWay = random.NextDouble() < 0.1;
            b.AddEdge(u, v, seconds, forward: true, backward: !oneWay);
        }
    }

    /// <summary>Random points near the grid's nodes.</summary>
    public static (double Lon, double Lat)[] Points(int w, int h, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => (Lon0 + random.NextDouble() * (w - 1) * 200 * MeterLon, Lat0 + random.NextDouble() * (h - 1) * 200 * MeterLat))
            .ToArray();
    }
}
