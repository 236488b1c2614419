using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.Csv;

public sealed class CommunesCsvTests
{
    private static string CommunesCsv => TestData.Geo("communes/communes_20k_hab_densite_shared.csv");

    [Fact]
    public void Import_CommunesCsvWithoutGeometry_ThrowsListingColumns()
    {
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(CommunesCsv, LayerKind.Communes, new ImportOptions()));
        Assert.StartsWith("communes_20k_hab_densite_shared.csv : aucune géométrie", e.Message);
        Assert.Contains("longitude_centre", e.Message);
    }

    [Fact]
    public void Import_CommunesCsvCentresAsPoints_EveryRowRejectedAsWrongKind()
    {
        var mapping = TestData.WriteFile("m.json", """{"lon":"longitude_centre","lat":"latitude_centre"}""");
        var r = LayerImporter.Import(CommunesCsv, LayerKind.Communes, new ImportOptions { MappingFile = mapping });

        ImportAssert.Balanced(r);
        Assert.Equal(470, r.Read);
        Assert.Equal(0, r.Accepted);
        Assert.Equal("code_insee", r.Mapping[TargetFields.Id]);
        Assert.Equal("population", r.Mapping[TargetFields.Population]);
        Assert.Equal("superficie_km2", r.Mapping[TargetFields.Area]);
        Assert.Equal("grille_densite", r.Mapping[TargetFields.DensityLevel]);
        Assert.True(r.Issues.Count(i => i.Code == "geometry_kind_not_allowed" && i.Reason.StartsWith("géométrie point non admise", StringComparison.Ordinal)) > 400);
    }
}
