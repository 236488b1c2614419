using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.GeoJson;

public sealed class GeoJsonStreamingTests
{
    [Fact]
    public void Import_FeaturesWithDifferentProperties_UnionOfColumnsMapped()
    {
        var json = """
            {"features":[
             {"type":"Feature","properties":{"id":"a","logements":3},"geometry":{"type":"Point","coordinates":[1.44,43.6]}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[1.45,43.61]},"properties":{"id":"b","logements":4,"bailleur":"OPH"}}],
             "type":"FeatureCollection"}
            """;
        var r = LayerImporter.Import(TestData.WriteFile("mixed.geojson", json), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal(2, r.Accepted);
        Assert.Null(r.Estates[0].Landlord);
        Assert.Equal("OPH", r.Estates[1].Landlord);
    }

    [Fact]
    public void Import_FeatureWithUnreadableGeometry_RowRejectedOthersKept()
    {
        var json = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"a","logements":3},"geometry":{"type":"Pointe","coordinates":[1.44,43.6]}},
             {"type":"Feature","properties":{"id":"b","logements":4},"geometry":{"type":"Point","coordinates":[1.45,43.61]}}]}
            """;
        var r = LayerImporter.Import(TestData.WriteFile("badgeom.geojson", json), LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(r);
        Assert.Equal("b", Assert.Single(r.Estates).Id);
        var issue = Assert.Single(r.Issues, i => i.Severity == ImportIssueSeverity.Rejected);
        Assert.Equal(1, issue.Row);
        Assert.Contains("« Pointe » inconnu", issue.Reason);
    }

    [Fact]
    public void Import_WrongGeoJsonType_ThrowsNamingType()
    {
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(
            TestData.WriteFile("geom.geojson", """{"type":"Point","coordinates":[1,2]}"""), LayerKind.Estates, new ImportOptions()));
        Assert.Contains("« Point »", e.Message);
        Assert.Equal("geojson_not_collection", e.Reason.Code);
    }
}
