using NetTopologySuite.Geometries;
using Territory.Planning.Candidates;
using Territory.Planning.Location;
using Territory.Planning.Matrix;

namespace Territory.Benchmarks.Planning;

/// <summary>
/// The département-size planning instance: a <see cref="RegionalRoadNetwork"/>, 2,000 candidate sites and
/// 50,000 estates placed where a landlord's stock lies (mostly the city and the towns).
/// </summary>
/// <remarks>
/// Estates: 45 % in the city (denser towards its centre), 25 % in towns, 18 % in villages, 12 % scattered,
/// 1–250 dwellings by place. Candidates: 25 existing agencies (kept fixed when asked), the centre of
/// every settlement, the rest premises spread like the estates but more in the countryside. Seeded.
/// </remarks>
internal sealed class PlanningBenchData
{
    public required RegionalRoadNetwork Network { get; init; }
    public required LonLatPoint[] Sites { get; init; }
    public required bool[] Existing { get; init; }
    public required LonLatPoint[] Estates { get; init; }
    public required int[] Dwellings { get; init; }

    public static PlanningBenchData Create(int candidates = 2000, int estates = 50_000, int seed = 2026)
    {
        var network = RegionalRoadNetwork.Build(seed);
        var random = new Random(seed + 1);
        var city = network.Settlements[0];
        var towns = network.Settlements.Where(s => s.Kind == 1).ToArray();
        var villages = network.Settlements.Where(s => s.Kind == 2).ToArray();

        var estatePoints = new LonLatPoint[estates];
        var dwellings = new int[estates];
        for (int e = 0; e < estates; e++)
        {
            double u = random.NextDouble();
            (double X, double Y) p;
            if (u < 0.45) { p = Around(city, Math.Sqrt(random.NextDouble()) * random.NextDouble()); dwellings[e] = random.Next(20, 251); }
            else if (u < 0.70) { p = Around(towns[random.Next(towns.Length)], Math.Sqrt(random.NextDouble())); dwellings[e] = random.Next(10, 81); }
            else if (u < 0.88) { p = Around(villages[random.Next(villages.Length)], Math.Sqrt(random.NextDouble())); dwellings[e] = random.Next(2, 31); }
            else { p = (network.Uniform(1_000, 99_000), network.Uniform(1_000, 99_000)); dwellings[e] = random.Next(1, 9); }
            var (lon, lat) = network.ToLonLat(p.X, p.Y);
            estatePoints[e] = new LonLatPoint("E" + e.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), lon, lat);
        }

        var sites = new List<(double X, double Y)>();
        var existing = new List<bool>();
        for (int i = 0; i < 25; i++)
        {
            var s = i < 10 ? city : i < 18 ? towns[i % towns.Length] : villages[i % villages.Length];
            sites.Add(Around(s, 0.6 * random.NextDouble())); existing.Add(true);
        }
        foreach (var s in network.Settlements) { sites.Add((s.X, s.Y)); existing.Add(false); }
        while (sites.Count < candidates)
        {
            double u = random.NextDouble();
            sites.Add(u < 0.35 ? Around(city, Math.Sqrt(random.NextDouble()))
                : u < 0.60 ? Around(towns[random.Next(towns.Length)], Math.Sqrt(random.NextDouble()))
                : u < 0.80 ? Around(villages[random.Next(villages.Length)], random.NextDouble())
                : (network.Uniform(1_000, 99_000), network.Uniform(1_000, 99_000)));
            existing.Add(false);
        }
        var sitePoints = sites.Select((p, i) =>
        {
            var (lon, lat) = network.ToLonLat(p.X, p.Y);
            return new LonLatPoint("C" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), lon, lat);
        }).ToArray();
        return new PlanningBenchData { Network = network, Sites = sitePoints, Existing = [.. existing], Estates = estatePoints, Dwellings = dwellings };

        (double X, double Y) Around((double X, double Y, double Radius, int Kind) s, double fraction)
        {
            double angle = random.NextDouble() * 2 * Math.PI, r = fraction * s.Radius;
            return (s.X + r * Math.Cos(angle), s.Y + r * Math.Sin(angle));
        }
    }

    /// <summary>Candidate values for a plan request (locations are not used once the matrix exists).</summary>
    public CandidateSite[] Candidates()
    {
        var nowhere = new Point(0, 0) { SRID = 2154 };
        return Sites.Select((s, i) => new CandidateSite
        {
            Id = s.Id, Kind = Existing[i] ? "agence" : "lieu_relais", Source = Existing[i] ? CandidateSource.ExistingPoint : CandidateSource.Imported,
            Location = nowhere, Existing = Existing[i],
        }).ToArray();
    }

    public DemandPoint[] Demand() => Estates.Select((e, i) => new DemandPoint(e.Id, Dwellings[i])).ToArray();
}
