using NetTopologySuite.Geometries;
using Territory.Planning.Candidates;
using Territory.Planning.Location;
using Territory.Planning.Matrix;

namespace Territory.Planning.Tests;

/// <summary>Small instances built inline: dense time tables (null = unreachable), candidates, demand.</summary>
internal static class PlanningTestData
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    /// <summary>A matrix from minutes[site, estate] (null = unreachable); ids S0…, E0….</summary>
    public static CostMatrix TimeMatrix(double?[,] minutes, double maxMinutes = 1000)
    {
        int sites = minutes.GetLength(0), estates = minutes.GetLength(1);
        var rows = new MatrixRow[sites];
        for (int s = 0; s < sites; s++)
        {
            rows[s] = new MatrixRow();
            for (int e = 0; e < estates; e++)
                if (minutes[s, e] is { } m && m * 60 <= maxMinutes * 60) rows[s].Add(e, (float)(m * 60), float.NaN);
            rows[s].Seal();
        }
        return CostMatrix.FromRows(Ids("S", sites), Ids("E", estates), maxMinutes * 60, CostSource.UserFile, rows);
    }

    public static string[] Ids(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i).ToArray();

    public static CandidateSite[] Sites(int count, Func<int, bool>? existing = null, Func<int, int?>? capacity = null) =>
        Enumerable.Range(0, count).Select(i => new CandidateSite
        {
            Id = "S" + i, Kind = "lieu_relais", Source = CandidateSource.Imported, Location = Factory.CreatePoint(new Coordinate(600_000 + i * 1000, 6_300_000)),
            Existing = existing?.Invoke(i) ?? false, Capacity = capacity?.Invoke(i),
        }).ToArray();

    public static DemandPoint[] Demand(params int[] dwellings) => dwellings.Select((d, i) => new DemandPoint("E" + i, d)).ToArray();

    public static SitePlanRequest Request(PlanningProblem problem, double?[,] minutes, int[] dwellings, double limitMinutes, int? count,
        Func<int, bool>? existing = null, bool keepExisting = false, int? capacity = null) => new()
        {
            Problem = problem,
            Matrix = TimeMatrix(minutes),
            Candidates = Sites(minutes.GetLength(0), existing),
            Demand = Demand(dwellings),
            Minutes = limitMinutes,
            Count = count,
            KeepExisting = keepExisting,
            Capacity = capacity,
            TimeLimitSeconds = 20,
            Workers = 2,
        };

    /// <summary>A random instance: each pair reachable with probability <paramref name="density"/>, 1–60 minutes.</summary>
    public static (double?[,] Minutes, int[] Dwellings) Random(int seed, int sites, int estates, double density = 0.5)
    {
        var random = new Random(seed);
        var minutes = new double?[sites, estates];
        for (int s = 0; s < sites; s++)
            for (int e = 0; e < estates; e++)
                if (random.NextDouble() < density) minutes[s, e] = random.Next(1, 61);
        var dwellings = Enumerable.Range(0, estates).Select(_ => random.Next(5, 200)).ToArray();
        return (minutes, dwellings);
    }

    /// <summary>All k-subsets of 0..n−1.</summary>
    public static IEnumerable<int[]> Subsets(int n, int k)
    {
        var current = new int[k];
        for (int i = 0; i < k; i++) current[i] = i;
        while (true)
        {
            yield return (int[])current.Clone();
            int j = k - 1;
            while (j >= 0 && current[j] == n - k + j) j--;
            if (j < 0) yield break;
            current[j]++;
            for (int i = j + 1; i < k; i++) current[i] = current[i - 1] + 1;
        }
    }
}
