using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Planning.Candidates;

/// <summary>Proposes candidate sites: existing presence points, user premises, commune main towns and QPV centres.</summary>
/// <remarks>
/// Every candidate says where it comes from (<see cref="CandidateSite.Source"/>, <see cref="CandidateSite.SourceRef"/>).
/// Generated ids are <c>commune:&lt;INSEE&gt;</c> and <c>qpv:&lt;code&gt;</c>; existing and imported
/// candidates keep their own ids. Locations stay in the working CRS.
/// </remarks>
public static class CandidateGenerator
{
    /// <summary>All candidates the options ask for, merged when closer than <see cref="CandidateOptions.DeduplicateMeters"/>.</summary>
    /// <exception cref="PlanningException"><c>planning_duplicate_id</c> when two existing or imported candidates share an id.</exception>
    public static CandidateSet Generate(IReadOnlyList<Agency> agencies, IReadOnlyList<CandidateSite> imported, IReadOnlyList<Commune> communes,
        IReadOnlyList<PriorityDistrict> districts, IReadOnlyList<Estate> estates, CandidateOptions? options = null)
    {
        options ??= new CandidateOptions();
        var all = new List<CandidateSite>();
        if (options.ExistingPoints) all.AddRange(FromAgencies(agencies));
        all.AddRange(imported);
        if (options.CommuneMainTowns) all.AddRange(CommuneMainTowns(communes, estates, options.GeneratedKind, options.MainTownSampleSize));
        if (options.QpvCentres) all.AddRange(QpvCentres(districts, options.GeneratedKind));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in all)
            if (!ids.Add(c.Id)) throw new PlanningException(PlanningErrorCodes.DuplicateId, ("what", "site"), ("id", c.Id));
        return CandidateDeduplicator.Merge(all, options.DeduplicateMeters);
    }

    /// <summary>Existing presence points as candidates (<see cref="CandidateSite.Existing"/> true, their own kind code).</summary>
    public static IEnumerable<CandidateSite> FromAgencies(IEnumerable<Agency> agencies) => agencies.Select(a => new CandidateSite
    {
        Id = a.Id, Name = a.Name, Kind = a.Kind.Code(), Source = CandidateSource.ExistingPoint, SourceRef = a.Id,
        Location = a.Location, Existing = true,
    });

    /// <summary>The main town of each commune holding estates: the dwelling-weighted medoid of its estates.</summary>
    /// <remarks>
    /// The data has no town-hall positions. The proxy is the estate of the commune that minimises
    /// Σ dwellings × distance to the commune's other estates (a weighted medoid): it lies where the
    /// commune's social housing concentrates — in a French commune, the bourg or town centre around
    /// which collective housing was built — and, being an estate, it sits on an addressed, reachable
    /// place inside the commune (a centroid or the polygon's point on surface can fall in fields,
    /// a forest or, for a concave commune, outside the patrimony). Communes with many estates are
    /// sampled (<paramref name="sampleSize"/> candidate positions, the largest estates first), every
    /// estate still weighing in the sum.
    /// </remarks>
    public static IEnumerable<CandidateSite> CommuneMainTowns(IReadOnlyList<Commune> communes, IReadOnlyList<Estate> estates, string kind, int sampleSize = 2000)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var c in communes) names.TryAdd(c.Code, c.Name);
        foreach (var commune in estates.Where(e => e.CommuneCode is not null && !e.Geometry.IsEmpty)
                     .GroupBy(e => e.CommuneCode!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = commune.Select(e => (Point: Position(e.Geometry), Weight: (double)Math.Max(1, e.Dwellings))).ToArray();
            var medoid = WeightedMedoid(points, sampleSize);
            yield return new CandidateSite
            {
                Id = "commune:" + commune.Key, Name = names.GetValueOrDefault(commune.Key), Kind = kind, Source = CandidateSource.CommuneMainTown,
                SourceRef = commune.Key, Location = medoid,
            };
        }
    }

    /// <summary>The centre of each priority district: its point on surface (always inside the polygon).</summary>
    public static IEnumerable<CandidateSite> QpvCentres(IEnumerable<PriorityDistrict> districts, string kind) =>
        districts.Where(d => !d.Geometry.IsEmpty).Select(d => new CandidateSite
        {
            Id = "qpv:" + d.Code, Name = d.Name, Kind = kind, Source = CandidateSource.QpvCentre, SourceRef = d.Code,
            Location = d.Geometry.InteriorPoint,
        });

    internal static Point WeightedMedoid(IReadOnlyList<(Point Point, double Weight)> points, int sampleSize)
    {
        var candidates = points.Count <= sampleSize
            ? Enumerable.Range(0, points.Count)
            : Enumerable.Range(0, points.Count).OrderByDescending(i => points[i].Weight).ThenBy(i => i).Take(sampleSize);
        int best = 0;
        double bestCost = double.PositiveInfinity;
        foreach (int i in candidates)
        {
            double cost = 0, x = points[i].Point.X, y = points[i].Point.Y;
            foreach (var (p, w) in points) cost += w * Math.Sqrt((p.X - x) * (p.X - x) + (p.Y - y) * (p.Y - y));
            if (cost < bestCost || (cost == bestCost && i < best)) { bestCost = cost; best = i; }
        }
        return (Point)points[best].Point.Copy();
    }

    private static Point Position(Geometry geometry) => geometry as Point ?? geometry.InteriorPoint;
}
