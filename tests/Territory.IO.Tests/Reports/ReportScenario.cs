using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Territory.Core.Analysis;
using Territory.Core.Model;
using Territory.Core.Typology;

namespace Territory.IO.Tests.Reports;

/// <summary>A small organisation near Lyon in Lambert-93 (offset from a local grid), one territory of each type.</summary>
internal static class ReportScenario
{
    private const double X0 = 840_000, Y0 = 6_510_000;
    private static readonly WKTReader Reader = new(new NtsGeometryServices(new PrecisionModel(), 2154));

    public static Geometry Box(double x0, double y0, double x1, double y1) => Reader.Read(
        $"POLYGON (({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y0}, {X0 + x1} {Y0 + y1}, {X0 + x0} {Y0 + y1}, {X0 + x0} {Y0 + y0}))");

    public static Point Pt(double x, double y) => (Point)Reader.Read($"POINT ({X0 + x} {Y0 + y})");

    private static Estate E(string id, double x, double y, int dwellings, HousingKind kind = HousingKind.Collective) => new()
    {
        Id = id, Name = $"Résidence {id}", Landlord = "Bailleur A", Geometry = Pt(x, y), Dwellings = dwellings, Housing = kind,
    };

    public static AnalysisResult Run(string organisation = "Office « Test » <script>alert(1)</script>") =>
        TerritoryAnalysis.Run(new AnalysisInput
        {
            OrganisationName = organisation,
            Communes =
            [
                new Commune { Code = "69259", Name = "Grande-Ville", Geometry = Box(0, 0, 5000, 5000), Population = 65_000, DensityLevel = 1 },
                new Commune { Code = "38100", Name = "Petite-Ville", Geometry = Box(30_000, 0, 33_000, 3000), Population = 8_000, DensityLevel = 4 },
                new Commune { Code = "38999", Name = "Village", Geometry = Box(60_000, 0, 64_000, 4000), Population = 300, DensityLevel = 6 },
            ],
            Districts = [new PriorityDistrict { Code = "QP069001", Name = "Les Minguettes", Geometry = Box(1000, 1000, 2000, 2000) }],
            Agencies =
            [
                new Agency { Id = "AG1", Name = "Agence Centre", Location = Pt(2500, 2500), Staff = 20, PerimeterModel = 3 },
                new Agency { Id = "L1", Name = "Loge Minguettes", Kind = AgencyKind.Loge, Location = Pt(1550, 1500), SiteStaff = 1 },
            ],
            Estates =
            [
                E("QPV150", 1500, 1500, 150), E("BESIDE", 2300, 1500, 80), E("TOWN60", 31_500, 1500, 60),
                E("H1", 61_000, 1000, 1, HousingKind.Individual), E("H2", 61_200, 1100, 1, HousingKind.Individual),
                E("H3", 61_400, 1000, 1, HousingKind.Individual),
            ],
        }, TypologyConfig.Default);
}
