using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using Territory.Core.Crs;
using Territory.Core.Model;

namespace Territory.Demo;

/// <summary>
/// The demo at a given number of estates: as many fictional départements as the portfolio needs (one per
/// <see cref="EstatesPerDepartment"/> estates), each generated like the demo with its own seed and laid side
/// by side in Lambert-93, with its own communes, QPV, presence points and roads; the estates are shared out
/// evenly between them.
/// </summary>
/// <remarks>
/// Deterministic per (seed, count). A département keeps a deterministic subset of its estates when it has
/// more than its share, or adds copies of them (new ids, moved by up to <see cref="CopyJitterMeters"/>) when it has
/// fewer, so a large portfolio spreads over a larger area instead of piling up in one département.
/// The départements are disjoint, like neighbours without a shared road: each office serves its own.
/// </remarks>
internal static class ScaledDemo
{
    /// <summary>Estates per fictional département (about six times the demo's own 1,500).</summary>
    public const int EstatesPerDepartment = 10_000;

    /// <summary>Largest portfolio: 50 départements, a 7 × 8 grid that stays within metropolitan Lambert-93.</summary>
    public const int MaxEstates = 500_000;

    /// <summary>Distance between the centres of neighbouring départements, metres.</summary>
    private const double Spacing = 100_000;

    /// <summary>How far a copied estate moves from the estate it copies, metres.</summary>
    private const double CopyJitterMeters = 250;

    public static DemoDataset Generate(int seed, int estates)
    {
        if (estates is < 1 or > MaxEstates)
            throw new ArgumentOutOfRangeException(nameof(estates), estates, $"Between 1 and {MaxEstates} estates.");
        var count = (estates + EstatesPerDepartment - 1) / EstatesPerDepartment;
        var columns = (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (count + columns - 1) / columns;
        var parts = new DemoDataset[count];
        // Each département is generated alone (about a second each): in parallel, then laid out in order.
        Parallel.For(0, count, t =>
        {
            var one = DemoGenerator.GenerateOne(seed + 7919 * t);
            var share = estates / count + (t < estates % count ? 1 : 0);
            var (dx, dy) = count == 1 ? (0.0, 0.0) : ((t % columns - (columns - 1) / 2.0) * Spacing, -(t / columns - (rows - 1) / 2.0) * Spacing);
            parts[t] = Place(one, t, count, dx, dy, share, new Random(seed ^ (7919 * (t + 1))));
        });
        return Merge(parts, estates);
    }

    private static DemoDataset Place(DemoDataset d, int t, int count, double dx, double dy, int share, Random rng)
    {
        var code = count == 1 ? "00" : DepartmentCode(t);
        var prefix = count == 1 ? "" : $"{code}-";
        var shift = AffineTransformation.TranslationInstance(dx, dy);
        T Move<T>(T g) where T : Geometry
        {
            var moved = (T)shift.Transform(g);
            moved.SRID = g.SRID;
            return moved;
        }
        string Commune(string? c) => c is null ? null! : code + c[2..];
        string? Qpv(string? q) => q is null ? null : $"QN{code}{q[^4..]}";

        var estates = d.Estates.Select(e => e with
        {
            Id = prefix + e.Id,
            Geometry = Move(e.Geometry),
            CommuneCode = e.CommuneCode is null ? null : Commune(e.CommuneCode),
            QpvCode = Qpv(e.QpvCode),
            AgencyId = e.AgencyId is null ? null : prefix + e.AgencyId,
        }).ToList();
        estates = Resize(estates, share, rng);
        var kept = estates.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return d with
        {
            DepartmentCode = code,
            Outline = Move(d.Outline),
            Estates = estates,
            Agencies = d.Agencies.Select(a => a with
            {
                Id = prefix + a.Id,
                // One head office for the whole portfolio: the other départements' become agencies.
                Kind = t > 0 && a.Kind == AgencyKind.Siege ? AgencyKind.Agence : a.Kind,
                Location = Move(a.Location),
                CommuneCode = a.CommuneCode is null ? null : Commune(a.CommuneCode),
            }).ToList(),
            Communes = d.Communes.Select(c => c with { Code = Commune(c.Code), Geometry = Move(c.Geometry) }).ToList(),
            Districts = d.Districts.Select(q => q with { Code = Qpv(q.Code)!, CommuneCode = q.CommuneCode is null ? null : Commune(q.CommuneCode), Geometry = Move(q.Geometry) }).ToList(),
            Roads = MoveRoads(d.Roads, dx, dy),
            FarFromRoadEstateIds = d.FarFromRoadEstateIds.Select(id => prefix + id).Where(kept.Contains).ToList(),
        };
    }

    /// <summary>Exactly <paramref name="share"/> estates: a deterministic subset, or the estates plus jittered copies.</summary>
    private static List<Estate> Resize(List<Estate> estates, int share, Random rng)
    {
        if (share <= estates.Count)
        {
            var order = Enumerable.Range(0, estates.Count).ToArray();
            rng.Shuffle(order);
            return order.Take(share).Order().Select(i => estates[i]).ToList();
        }
        var list = new List<Estate>(share);
        list.AddRange(estates);
        for (var k = 1; list.Count < share; k++)
        {
            var source = estates[rng.Next(estates.Count)];
            var p = source.Geometry.Centroid.Coordinate;
            var angle = rng.NextDouble() * 2 * Math.PI;
            var r = CopyJitterMeters * Math.Sqrt(rng.NextDouble());
            list.Add(source with
            {
                Id = $"{source.Id}-C{k}",
                Geometry = source.Geometry.Factory.CreatePoint(new Coordinate(Math.Round(p.X + r * Math.Cos(angle), 1), Math.Round(p.Y + r * Math.Sin(angle), 1))),
            });
        }
        return list;
    }

    private static DemoRoadNetwork MoveRoads(DemoRoadNetwork roads, double dx, double dy)
    {
        if (dx == 0 && dy == 0)
            return roads;
        var toWorking = new Reprojector(CrsRegistry.Wgs84, CrsRegistry.Lambert93);
        var toWgs84 = new Reprojector(CrsRegistry.Lambert93, CrsRegistry.Wgs84);
        return roads with
        {
            Nodes = roads.Nodes.Select(n =>
            {
                var (x, y) = toWorking.Transform(n.Longitude, n.Latitude);
                var (lon, lat) = toWgs84.Transform(x + dx, y + dy);
                return n with { Longitude = Math.Round(lon, 7), Latitude = Math.Round(lat, 7) };
            }).ToList(),
        };
    }

    private static DemoDataset Merge(DemoDataset[] parts, int estates)
    {
        var first = parts[0];
        if (parts.Length == 1)
            return first with { Name = $"habitat-demo-{estates}" };
        long nodeOffset = 0, wayOffset = 0;
        var nodes = new List<DemoRoadNode>();
        var ways = new List<DemoRoadWay>();
        foreach (var p in parts)
        {
            var offset = nodeOffset;
            nodes.AddRange(p.Roads.Nodes.Select(n => n with { Id = n.Id + offset }));
            ways.AddRange(p.Roads.Ways.Select(w => w with { Id = w.Id + wayOffset, NodeIds = w.NodeIds.Select(id => id + offset).ToArray() }));
            nodeOffset += p.Roads.Nodes.Max(n => n.Id);
            wayOffset += p.Roads.Ways.Max(w => w.Id);
        }
        var gf = first.Outline.Factory;
        return first with
        {
            Name = $"habitat-demo-{estates}",
            DepartmentName = $"{first.DepartmentName} et {parts.Length - 1} départements voisins",
            Outline = gf.CreateMultiPolygon(parts.Select(p => (Polygon)p.Outline).ToArray()),
            Estates = parts.SelectMany(p => p.Estates).ToList(),
            Agencies = parts.SelectMany(p => p.Agencies).ToList(),
            Communes = parts.SelectMany(p => p.Communes).ToList(),
            Districts = parts.SelectMany(p => p.Districts).ToList(),
            Roads = new DemoRoadNetwork { Nodes = nodes, Ways = ways },
            FarFromRoadEstateIds = parts.SelectMany(p => p.FarFromRoadEstateIds).ToList(),
        };
    }

    /// <summary>Fictional département codes: <c>00</c> first, then <c>A1</c>…<c>A9</c>, <c>B0</c>…: letters INSEE never uses there.</summary>
    private static string DepartmentCode(int t) => t == 0 ? "00" : $"{(char)('A' + t / 10)}{t % 10}";
}
