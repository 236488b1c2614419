namespace Territory.Routing.Graph;

/// <summary>Generated road-like grids for tests and benchmarks (not real data).</summary>
internal static class SyntheticRoadNetwork
{
    /// <summary>
    /// A width × height grid of nodes ~100 m apart from (lon0, lat0), with jittered positions,
    /// 24–36 km/h local streets, 70 km/h arterials every 10th row/column, some one-way streets
    /// and some missing local links. With <paramref name="uniformSpeeds"/>, every link gets a
    /// speed drawn uniformly in 20–130 km/h and there are no arterials: no road hierarchy at all,
    /// the hardest case for a contraction hierarchy.
    /// </summary>
    public static RoadGraph Grid(int width, int height, int seed, double lon0 = 1.44, double lat0 = 43.6,
        double oneWayShare = 0.05, double missingShare = 0.02, bool uniformSpeeds = false)
    {
        var random = new Random(seed);
        var b = new RoadGraphBuilder();
        double dLat = 100 / GeoMath.MetersPerDegreeLat, dLon = 100 / GeoMath.MetersPerDegreeLon(lat0);
        var lon = new double[width * height];
        var lat = new double[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int v = y * width + x;
                lon[v] = lon0 + (x + 0.3 * (random.NextDouble() - 0.5)) * dLon;
                lat[v] = lat0 + (y + 0.3 * (random.NextDouble() - 0.5)) * dLat;
                b.AddNode(lon[v], lat[v]);
            }
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int v = y * width + x;
                if (x + 1 < width) Link(v, v + 1, y % 10 == 0);
                if (y + 1 < height) Link(v, v + width, x % 10 == 0);
            }
        return b.Build();

        void Link(int u, int v, bool arterial)
        {
            arterial &= !uniformSpeeds;
            if (!arterial && random.NextDouble() < missingShare) return;
            double meters = GeoMath.HaversineMeters(lon[u], lat[u], lon[v], lat[v]);
            double kmh = uniformSpeeds ? 20 + 110 * random.NextDouble() : arterial ? 70 : 30 * (0.8 + 0.4 * random.NextDouble());
            bool oneWay = !arterial && random.NextDouble() < oneWayShare;
            bool reverse = random.NextDouble() < 0.5;
            b.AddEdge(u, v, meters / (kmh / 3.6), meters, forward: !oneWay || !reverse, backward: !oneWay || reverse);
        }
    }
}
