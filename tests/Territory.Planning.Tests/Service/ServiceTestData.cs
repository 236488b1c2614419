using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.Store;
using Territory.Store.GeoPackage;

namespace Territory.Planning.Tests.Service;

/// <summary>A small project near Albi in Lambert-93: three estates on a line, one agency by the first, two candidate sites.</summary>
internal static class ServiceTestData
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 2154);

    public static Point At(double x, double y) => Factory.CreatePoint(new Coordinate(x, y));

    /// <summary>E1 (100 dwellings) at the agency A1, E2 (50) 8 km east, E3 (10) 16 km east; candidates S1 by E2, S2 by E3.</summary>
    public static ProjectData Data() => new(2154,
        [Estate("E1", 100, 630_000), Estate("E2", 50, 638_000), Estate("E3", 10, 646_000)],
        [new Agency { Id = "A1", Name = "Agence", Kind = AgencyKind.Agence, Location = At(630_010, 6_315_000), Landlord = "Bailleur" }],
        [], [])
    {
        Candidates = [new Candidate { Id = "S1", Name = "Mairie 2", Kind = "mairie", Location = At(638_010, 6_315_000) },
            new Candidate { Id = "S2", Name = "Mairie 3", Kind = "mairie", Location = At(646_010, 6_315_000) }],
    };

    /// <summary>The same project written to a GeoPackage.</summary>
    public static string Write(ProjectData data, string path)
    {
        using var store = GeoPackageProjectStore.Open(path);
        Import(store, LayerKind.Estates, data, r => r with { Estates = data.Estates });
        Import(store, LayerKind.Agencies, data, r => r with { Agencies = data.Agencies });
        Import(store, LayerKind.Candidates, data, r => r with { Candidates = data.Candidates });
        return path;
    }

    public static void Import(IProjectStore store, LayerKind kind, ProjectData data, Func<ImportResult, ImportResult> rows) =>
        store.ImportLayer(rows(new ImportResult { Kind = kind, SourcePath = kind + ".test", SourceCrs = 2154, TargetCrs = data.WorkingCrs, Read = 3 }), LayerWriteOptions.Replace);

    private static Estate Estate(string id, int dwellings, double x) =>
        new() { Id = id, Dwellings = dwellings, Geometry = At(x, 6_315_000), Landlord = "Bailleur", AgencyId = "A1" };
}
