using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Territory.Demo;

/// <summary>Working state of one demo commune while the generator runs (Lambert-93 metres).</summary>
internal sealed class Settlement
{
    public required string Name { get; init; }
    public required SettlementKind Kind { get; init; }
    public required Coordinate Seat { get; init; }
    public string Code { get; set; } = "";
    public int Population { get; set; }
    public Polygon? Polygon { get; private set; }
    public IPreparedGeometry? Prepared { get; private set; }

    /// <summary>Half size of the street grid (0: no grid, a village cross instead).</summary>
    public double GridHalfSize => Kind switch
    {
        SettlementKind.City => 3600,
        SettlementKind.MidTown => 1500,
        SettlementKind.SmallTown => 900,
        SettlementKind.Suburb => 700,
        _ => 0,
    };

    /// <summary>Street spacing of the grid, metres.</summary>
    public double GridSpacing => Kind switch
    {
        SettlementKind.City => 400,
        SettlementKind.MidTown => 300,
        SettlementKind.SmallTown => 300,
        SettlementKind.Suburb => 350,
        _ => 0,
    };

    /// <summary>Nodes of local streets (and hamlet roads) near which houses may be placed.</summary>
    public List<Coordinate> LocalPoints { get; } = [];

    /// <summary>Hamlets of the commune (end of their road from the seat), joined to their neighbours too.</summary>
    public List<Coordinate> Hamlets { get; } = [];

    /// <summary>Grid perimeter nodes where regional roads attach.</summary>
    public List<Coordinate> Gates { get; } = [];

    public int DensityLevel => Kind switch
    {
        SettlementKind.City => 1,
        SettlementKind.MidTown => 2,
        SettlementKind.Suburb => 3,
        SettlementKind.SmallTown => 4,
        SettlementKind.Village => 5,
        SettlementKind.Dispersed => 6,
        _ => 7,
    };

    public bool IsUrban => Kind is SettlementKind.City or SettlementKind.MidTown or SettlementKind.Suburb or SettlementKind.SmallTown;

    public void SetPolygon(Polygon polygon)
    {
        Polygon = polygon;
        Prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(polygon);
    }

    public bool Contains(Coordinate c) =>
        Prepared!.Contains(Polygon!.Factory.CreatePoint(c));

    /// <summary>Node where a road coming from <paramref name="target"/> attaches: nearest gate, or the seat.</summary>
    public Coordinate AttachTowards(Coordinate target)
    {
        if (Gates.Count == 0)
            return Seat;
        var best = Gates[0];
        foreach (var g in Gates)
            if (g.Distance(target) < best.Distance(target))
                best = g;
        return best;
    }
}
