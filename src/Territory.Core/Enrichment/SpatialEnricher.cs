using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Territory.Core.Model;

namespace Territory.Core.Enrichment;

/// <summary>Gives each estate its commune code and QPV code by point in polygon.</summary>
/// <remarks>
/// <para>Point estates are located by their point, other estates by an interior point
/// (<see cref="Geometry.InteriorPoint"/>), so a polygon estate lands in the commune holding
/// its body, not its centroid. All geometries must share one CRS (the working CRS).</para>
/// <para>Policy. Commune: with a communes layer, the commune containing the estate wins; an
/// estate in no commune keeps its source code. QPV: with a QPV layer, the result of the join
/// wins, null outside every QPV; without one the source code is kept. The codes carried by the
/// input estates are treated as the source codes.</para>
/// <para>Inputs are never mutated; build the enricher once, enrich many times (thread-safe).</para>
/// </remarks>
public sealed class SpatialEnricher
{
    private const int ParallelThreshold = 20_000;
    private readonly PolygonCodeIndex? _communes;
    private readonly PolygonCodeIndex? _districts;

    /// <summary>Indexes the reference layers; null or empty means "layer not loaded".</summary>
    public SpatialEnricher(IReadOnlyList<Commune>? communes, IReadOnlyList<PriorityDistrict>? districts)
    {
        if (communes is { Count: > 0 })
            _communes = new PolygonCodeIndex(communes.Select(c => (c.Code, c.Geometry)).ToList());
        if (districts is { Count: > 0 })
            _districts = new PolygonCodeIndex(districts.Select(d => (d.Code, d.Geometry)).ToList());
    }

    /// <summary>True when at least one reference layer is loaded.</summary>
    public bool HasReference => _communes is not null || _districts is not null;

    /// <summary>One-shot enrichment.</summary>
    public static EnrichmentResult Enrich(
        IReadOnlyList<Estate> estates,
        IReadOnlyList<Commune>? communes,
        IReadOnlyList<PriorityDistrict>? districts,
        CancellationToken ct = default) =>
        new SpatialEnricher(communes, districts).Enrich(estates, ct);

    /// <summary>Enriches <paramref name="estates"/>; the output keeps the input order.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled.</exception>
    public EnrichmentResult Enrich(IReadOnlyList<Estate> estates, CancellationToken ct = default)
    {
        var n = estates.Count;
        if (!HasReference)
            return new EnrichmentResult(estates, EnrichmentReport.None(n));

        var output = new Estate[n];
        var total = new Counts();
        if (n < ParallelThreshold)
        {
            ct.ThrowIfCancellationRequested();
            total = Run(estates, output, 0, n, ct);
        }
        else
        {
            var gate = new object();
            var options = new ParallelOptions { CancellationToken = ct };
            Parallel.ForEach(Partitioner.Create(0, n, 8192), options, range =>
            {
                var local = Run(estates, output, range.Item1, range.Item2, ct);
                lock (gate)
                    total = total.Add(local);
            });
        }

        var report = new EnrichmentReport(n, _communes is not null, _districts is not null,
            total.CommuneMatched, total.CommuneChanged, total.OutsideCommunes, total.InQpv, total.QpvChanged);
        return new EnrichmentResult(output, report);
    }

    private Counts Run(IReadOnlyList<Estate> estates, Estate[] output, int from, int to, CancellationToken ct)
    {
        var c = new Counts();
        for (var i = from; i < to; i++)
        {
            if ((i & 4095) == 0)
                ct.ThrowIfCancellationRequested();
            var estate = estates[i];
            var position = PositionOf(estate.Geometry);
            var commune = estate.CommuneCode;
            var qpv = estate.QpvCode;

            if (_communes is not null)
            {
                var hit = position is null ? null : _communes.Locate(position);
                if (hit is null)
                    c.OutsideCommunes++;
                else
                {
                    c.CommuneMatched++;
                    if (!string.Equals(hit, commune, StringComparison.Ordinal))
                        c.CommuneChanged++;
                    commune = hit;
                }
            }

            if (_districts is not null)
            {
                var hit = position is null ? null : _districts.Locate(position);
                if (hit is not null)
                    c.InQpv++;
                if (!string.Equals(hit, qpv, StringComparison.Ordinal))
                    c.QpvChanged++;
                qpv = hit;
            }

            output[i] = string.Equals(commune, estate.CommuneCode, StringComparison.Ordinal)
                        && string.Equals(qpv, estate.QpvCode, StringComparison.Ordinal)
                ? estate
                : estate with { CommuneCode = commune, QpvCode = qpv };
        }
        return c;
    }

    private static Coordinate? PositionOf(Geometry geometry)
    {
        if (geometry.IsEmpty)
            return null;
        return geometry is Point p ? p.Coordinate : geometry.InteriorPoint.Coordinate;
    }

    private record struct Counts(int CommuneMatched, int CommuneChanged, int OutsideCommunes, int InQpv, int QpvChanged)
    {
        public readonly Counts Add(Counts o) => new(
            CommuneMatched + o.CommuneMatched, CommuneChanged + o.CommuneChanged,
            OutsideCommunes + o.OutsideCommunes, InQpv + o.InQpv, QpvChanged + o.QpvChanged);
    }
}
