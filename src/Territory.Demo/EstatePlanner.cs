using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using Territory.Core.Model;

namespace Territory.Demo;

/// <summary>Places the estates: grands ensembles in the QPV, collective residences in towns, houses in villages.</summary>
internal sealed class EstatePlanner
{
    public const string MainLandlord = "Habitat Démo";
    public const string Partner = "Logis Partenaire";
    public const string SecondPartner = "Toit Commun";
    /// <summary>Minimum distance from any road of the deliberately remote hamlet, metres.</summary>
    public const double RemoteDistance = 1200;

    private readonly Random _rng;
    private readonly List<PriorityDistrict> _districts;
    private readonly List<IPreparedGeometry> _preparedDistricts;
    private readonly List<Estate> _estates = [];
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    private EstatePlanner(Random rng, List<PriorityDistrict> districts)
    {
        _rng = rng;
        _districts = districts;
        _preparedDistricts = districts.Select(d => PreparedGeometryFactory.Prepare(d.Geometry)).ToList();
    }

    public static (List<Estate> Estates, List<string> FarIds) Build(
        Random rng, List<Settlement> settlements, List<PriorityDistrict> districts, STRtree<LineSegment> roads)
    {
        var p = new EstatePlanner(rng, districts);
        p.Districts(settlements);
        foreach (var s in settlements)
            p.Commune(s);
        var far = p.Remote(settlements, roads);
        return (p._estates, far);
    }

    private void Districts(List<Settlement> settlements)
    {
        for (var i = 0; i < _districts.Count; i++)
        {
            var d = _districts[i];
            var commune = settlements.Single(s => s.Code == d.CommuneCode);
            var city = commune.Kind == SettlementKind.City;
            var count = city ? 5 + _rng.Next(3) : 4;
            for (var k = 0; k < count; k++)
                Add(commune, InDistrict(i), HousingKind.Collective, city ? 100 + _rng.Next(501) : 100 + _rng.Next(251),
                    1958 + _rng.Next(20), DemoNames.Residence(_rng));
            // Other landlords share some districts, so that inter-landlord coordination shows up.
            var partners = i switch { 0 => new[] { Partner, Partner, SecondPartner }, 2 => [Partner], 4 => [Partner], _ => [] };
            foreach (var landlord in partners)
                Add(commune, InDistrict(i), HousingKind.Collective, 80 + _rng.Next(320), 1962 + _rng.Next(14),
                    DemoNames.Residence(_rng), landlord);
        }
    }

    private void Commune(Settlement s)
    {
        var (collective, cMin, cMax, individual, iMax) = s.Kind switch
        {
            SettlementKind.City => (165, 20, 160, 15, 12),
            SettlementKind.MidTown => (50, 20, 130, 20, 8),
            SettlementKind.Suburb => (6, 20, 80, 15, 8),
            // Small towns hold a few collective residences among houses: the seed's « résidences collectives isolées ».
            SettlementKind.SmallTown => (3, 12, 60, 18, 5),
            SettlementKind.Village => (_rng.Next(2), 8, 20, 16 + _rng.Next(9), 6),
            SettlementKind.Dispersed => (0, 0, 0, 8 + _rng.Next(7), 4),
            _ => (0, 0, 0, 2 + _rng.Next(4), 2),
        };
        for (var k = 0; k < collective; k++)
        {
            var size = cMin + (int)((cMax - cMin) * Math.Pow(_rng.NextDouble(), 1.5));
            var year = s.IsUrban ? 1950 + _rng.Next(73) : 1970 + _rng.Next(53);
            Add(s, Place(s), HousingKind.Collective, size, year, DemoNames.Residence(_rng));
        }
        for (var k = 0; k < individual; k++)
            Add(s, Place(s), HousingKind.Individual, 1 + _rng.Next(iMax), 1975 + _rng.Next(48), DemoNames.Houses(_rng, s.Name));
    }

    /// <summary>A point of the commune off the QPV: anywhere in a town grid, or near a village street.</summary>
    private Coordinate Place(Settlement s)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            Coordinate c;
            if (s.GridHalfSize > 0)
            {
                var h = s.GridHalfSize - 50;
                c = new Coordinate(s.Seat.X + CommunePlanner.Jitter(_rng, h), s.Seat.Y + CommunePlanner.Jitter(_rng, h));
            }
            else
            {
                var near = s.LocalPoints[_rng.Next(s.LocalPoints.Count)];
                var a = _rng.NextDouble() * 2 * Math.PI;
                var r = 20 + _rng.NextDouble() * 160;
                c = new Coordinate(near.X + r * Math.Cos(a), near.Y + r * Math.Sin(a));
            }
            c = new Coordinate(Math.Round(c.X, 1), Math.Round(c.Y, 1));
            if (s.Contains(c) && DistrictOf(c) is null)
                return c;
        }
        throw new InvalidOperationException($"Could not place an estate in {s.Name}.");
    }

    private Coordinate InDistrict(int i)
    {
        var g = _districts[i].Geometry;
        var env = g.EnvelopeInternal;
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var c = new Coordinate(Math.Round(env.MinX + _rng.NextDouble() * env.Width, 1), Math.Round(env.MinY + _rng.NextDouble() * env.Height, 1));
            if (_preparedDistricts[i].Contains(g.Factory.CreatePoint(c)))
                return c;
        }
        throw new InvalidOperationException($"Could not place an estate in {_districts[i].Code}.");
    }

    /// <summary>Two houses in a hamlet of a rural commune far from every road (first fit in code order).</summary>
    private List<string> Remote(List<Settlement> settlements, STRtree<LineSegment> roads)
    {
        var candidates = settlements.Where(s => s.Kind == SettlementKind.VeryDispersed)
            .Concat(settlements.Where(s => s.Kind == SettlementKind.Dispersed))
            .ToList();
        foreach (var s in candidates.OrderBy(s => s.Kind).ThenBy(s => s.Code, StringComparer.Ordinal))
        {
            var core = s.Polygon!.Buffer(-300);
            var env = core.EnvelopeInternal;
            for (var y = Math.Ceiling(env.MinY / 250) * 250; y <= env.MaxY; y += 250)
                for (var x = Math.Ceiling(env.MinX / 250) * 250; x <= env.MaxX; x += 250)
                {
                    var c = new Coordinate(x, y);
                    if (!core.Contains(core.Factory.CreatePoint(c)) || DistanceToRoad(roads, c) < RemoteDistance + 100)
                        continue;
                    var first = Add(s, c, HousingKind.Individual, 2, 1984, "Hameau de la Combe Perdue");
                    var second = Add(s, new Coordinate(x + 60, y + 40), HousingKind.Individual, 1, 1991, "Hameau de la Combe Perdue");
                    return [first.Id, second.Id];
                }
        }
        throw new InvalidOperationException("No rural spot far from the roads.");
    }

    private static double DistanceToRoad(STRtree<LineSegment> roads, Coordinate c)
    {
        var env = new Envelope(c);
        env.ExpandBy(RemoteDistance * 2);
        var best = double.MaxValue;
        foreach (var seg in roads.Query(env))
            best = Math.Min(best, seg.Distance(c));
        return best;
    }

    private string? DistrictOf(Coordinate c)
    {
        for (var i = 0; i < _districts.Count; i++)
            if (_preparedDistricts[i].Contains(_districts[i].Geometry.Factory.CreatePoint(c)))
                return _districts[i].Code;
        return null;
    }

    private Estate Add(Settlement s, Coordinate c, HousingKind kind, int dwellings, int year, string name, string landlord = MainLandlord)
    {
        var prefix = landlord switch { MainLandlord => "HD", Partner => "LP", _ => "TC" };
        var n = _counters.GetValueOrDefault(prefix) + 1;
        _counters[prefix] = n;
        var id = $"{prefix}-{n:00000}";
        var estate = new Estate
        {
            Id = id,
            Name = name,
            Landlord = landlord,
            Geometry = s.Polygon!.Factory.CreatePoint(c),
            Dwellings = dwellings,
            Housing = kind,
            ConstructionYear = year,
            CommuneCode = s.Code,
            QpvCode = DistrictOf(c),
        };
        _estates.Add(estate);
        return estate;
    }
}
