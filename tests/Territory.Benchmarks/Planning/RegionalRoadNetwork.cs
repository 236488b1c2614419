using Territory.Routing.Graph;

namespace Territory.Benchmarks.Planning;

/// <summary>
/// A generated département-size road network (~100 × 100 km, ~90,000 nodes) with settlements, for planning benchmarks.
/// </summary>
/// <remarks>
/// Rural roads every ~400 m (jittered, some links missing, bends adding 15–40 % to the crow-flies
/// length) at 40–65 km/h, departmental roads every 4 km at 75 km/h, expressways every 24 km at
/// 110 km/h. Settlements overlay denser street grids: one city (radius 8 km, streets every 120 m,
/// 15–30 km/h as urban traffic goes, arterials at 40), eight towns (2–3 km, 150 m, 20–40 km/h) and
/// sixty villages (400–700 m); rural roads crossing them slow to 40 km/h and meet their streets at
/// 20 km/h. Speeds are door-to-door averages, not limits. Not real data.
/// </remarks>
internal sealed class RegionalRoadNetwork
{
    public const double SizeMeters = 100_000;
    public const double Lon0 = 0.90, Lat0 = 43.00;
    private const double RuralSpacing = 400;

    private readonly Random _random;
    private readonly RoadGraphBuilder _builder = new();
    private readonly List<(double X, double Y)> _xy = [];

    private RegionalRoadNetwork(int seed) => _random = new Random(seed);

    /// <summary>Settlements: centre (metres), radius (metres), kind 0 city / 1 town / 2 village.</summary>
    public List<(double X, double Y, double Radius, int Kind)> Settlements { get; } = [];

    public RoadGraph Graph { get; private set; } = null!;

    public static RegionalRoadNetwork Build(int seed)
    {
        var network = new RegionalRoadNetwork(seed);
        network.Generate();
        return network;
    }

    public (double Lon, double Lat) ToLonLat(double x, double y) =>
        (Lon0 + x / GeoMath.MetersPerDegreeLon(Lat0 + 0.45), Lat0 + y / GeoMath.MetersPerDegreeLat);

    private void Generate()
    {
        Settlements.Add((50_000, 50_000, 8_000, 0));
        for (int i = 0; i < 8; i++) Settlements.Add((Uniform(12_000, 88_000), Uniform(12_000, 88_000), Uniform(2_000, 3_000), 1));
        for (int i = 0; i < 60; i++) Settlements.Add((Uniform(3_000, 97_000), Uniform(3_000, 97_000), Uniform(400, 700), 2));

        int n = (int)(SizeMeters / RuralSpacing) + 1;
        var rural = new int[n, n];
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
                rural[i, j] = Node(i * RuralSpacing + Uniform(-100, 100), j * RuralSpacing + Uniform(-100, 100));
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                if (i + 1 < n) RuralLink(rural[i, j], rural[i + 1, j], j);
                if (j + 1 < n) RuralLink(rural[i, j], rural[i, j + 1], i);
            }
        foreach (var s in Settlements) Streets(s.X, s.Y, s.Radius, s.Kind, rural, n);
        Graph = _builder.Build();
    }

    private void RuralLink(int u, int v, int line)
    {
        double kmh = line % 60 == 0 ? 110 : line % 10 == 0 ? 75 : Uniform(40, 65);
        if (kmh < 75 && _random.NextDouble() < 0.08) return;
        double meters = Distance(u, v) * Uniform(1.15, 1.4);
        if (InSettlement(u) || InSettlement(v)) kmh = Math.Min(kmh, 40);
        _builder.AddEdge(u, v, meters / (kmh / 3.6), meters);
    }

    private void Streets(double cx, double cy, double radius, int kind, int[,] rural, int n)
    {
        double spacing = kind == 0 ? 120 : 150;
        int half = (int)(radius / spacing);
        var grid = new Dictionary<(int, int), int>();
        for (int a = -half; a <= half; a++)
            for (int b = -half; b <= half; b++)
            {
                if (a * a + b * b > half * half) continue;
                grid[(a, b)] = Node(cx + a * spacing + Uniform(-20, 20), cy + b * spacing + Uniform(-20, 20));
            }
        foreach (var ((a, b), u) in grid)
        {
            if (grid.TryGetValue((a + 1, b), out int east)) Street(u, east, b % 10 == 0);
            if (grid.TryGetValue((a, b + 1), out int north)) Street(u, north, a % 10 == 0);
        }
        // Rural roads entering the settlement meet its nearest street node.
        int i0 = Math.Max(0, (int)((cx - radius) / RuralSpacing)), i1 = Math.Min(n - 1, (int)((cx + radius) / RuralSpacing) + 1);
        int j0 = Math.Max(0, (int)((cy - radius) / RuralSpacing)), j1 = Math.Min(n - 1, (int)((cy + radius) / RuralSpacing) + 1);
        for (int i = i0; i <= i1; i++)
            for (int j = j0; j <= j1; j++)
            {
                var (x, y) = _xy[rural[i, j]];
                int a = (int)Math.Round((x - cx) / spacing), b = (int)Math.Round((y - cy) / spacing);
                if (!grid.TryGetValue((a, b), out int street)) continue;
                double meters = Math.Max(5, Distance(rural[i, j], street));
                _builder.AddEdge(rural[i, j], street, meters / (20 / 3.6), meters);
            }

        void Street(int u, int v, bool arterial)
        {
            if (!arterial && _random.NextDouble() < 0.03) return;
            double kmh = arterial ? 40 : kind == 0 ? Uniform(15, 30) : Uniform(20, 40);
            bool oneWay = !arterial && _random.NextDouble() < 0.1;
            double meters = Distance(u, v);
            _builder.AddEdge(u, v, meters / (kmh / 3.6), meters, forward: true, backward: !oneWay);
        }
    }

    private bool InSettlement(int node)
    {
        var (x, y) = _xy[node];
        foreach (var s in Settlements) if ((x - s.X) * (x - s.X) + (y - s.Y) * (y - s.Y) < s.Radius * s.Radius) return true;
        return false;
    }

    private int Node(double x, double y)
    {
        _xy.Add((x, y));
        var (lon, lat) = ToLonLat(x, y);
        return _builder.AddNode(lon, lat);
    }

    private double Distance(int u, int v) => Math.Sqrt(Math.Pow(_xy[u].X - _xy[v].X, 2) + Math.Pow(_xy[u].Y - _xy[v].Y, 2));

    public double Uniform(double a, double b) => a + (b - a) * _random.NextDouble();
}
