using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;

namespace Territory.Demo;

/// <summary>Generates « Habitat Démo », a fictional landlord over a fictional département of central France.</summary>
/// <remarks>
/// Deterministic: the same seed gives the same dataset and, through <see cref="DemoOsmWriter"/>,
/// the same PBF bytes. Geometries are in EPSG:2154 within x 660–750 km, y 6 565–6 655 km
/// (longitude 2.6–3.6°, latitude 46.3–46.9°, between Allier and Nièvre). Generation takes about a
/// second.
/// </remarks>
public static class DemoGenerator
{
    /// <summary>Builds the dataset for <paramref name="seed"/>.</summary>
    /// <param name="seed">Generator seed: the same seed (and size) gives the same dataset.</param>
    /// <param name="estates">
    /// Null for the demo as designed (about 1,500 estates in one département); otherwise exactly that many estates
    /// (1 to 500,000), spread over one fictional département per 10,000 estates laid side by side (see <c>ScaledDemo</c>).
    /// </param>
    public static DemoDataset Generate(int seed = 2154, int? estates = null) =>
        estates is { } n ? ScaledDemo.Generate(seed, n) : GenerateOne(seed);

    /// <summary>One département, as designed.</summary>
    internal static DemoDataset GenerateOne(int seed)
    {
        var rng = new Random(seed);
        var gf = new GeometryFactory(new PrecisionModel(), CrsRegistry.Lambert93);
        var outline = CommunePlanner.Outline(rng, gf);
        var settlements = CommunePlanner.Seats(rng, outline);
        CommunePlanner.Tile(rng, outline, settlements);
        var city = settlements.Single(s => s.Kind == SettlementKind.City);
        var mid = settlements.Single(s => s.Kind == SettlementKind.MidTown);
        var districts = DistrictPlanner.Build(rng, city, mid);

        var net = new RoadNetworkBuilder();
        LocalRoads.Build(rng, net, settlements);
        RegionalRoads.Build(rng, net, outline, settlements);
        LocalRoads.ServiceWays(rng, net, city, districts.Where(d => d.CommuneCode == city.Code).Select(d => (Polygon)d.Geometry));
        RoadCrossings.Resolve(net);

        var (estates, far) = EstatePlanner.Build(rng, settlements, districts, net.SegmentIndex());
        var (agencies, managed) = AgencyPlanner.Build(settlements, districts, estates);

        var communes = settlements.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new Commune
        {
            Code = s.Code,
            Name = s.Name,
            Population = s.Population,
            AreaKm2 = Math.Round(s.Polygon!.Area / 1e6, 3),
            DensityLevel = s.DensityLevel,
            Geometry = s.Polygon,
        }).ToList();

        return new DemoDataset
        {
            Landlord = EstatePlanner.MainLandlord,
            DepartmentCode = "00",
            DepartmentName = "Vionne-et-Orbeuse",
            Outline = outline,
            Estates = managed,
            Agencies = agencies,
            Communes = communes,
            Districts = districts,
            Roads = net.ToNetwork(),
            FarFromRoadEstateIds = far,
        };
    }
}
