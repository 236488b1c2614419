using NetTopologySuite.Geometries;
using Territory.Core.Crs;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.GeoJson;

public sealed class GeoJsonImportTests
{
    private static ImportResult Import(string name, string json, LayerKind kind = LayerKind.Estates, ImportOptions? options = null) =>
        LayerImporter.Import(TestData.WriteFile(name, json), kind, options ?? new ImportOptions());

    private static ImportException Fails(string name, string json) =>
        Assert.Throws<ImportException>(() => Import(name, json));

    [Theory]
    [InlineData("EPSG:2154")]
    [InlineData("urn:ogc:def:crs:EPSG::2154")]
    public void Import_LegacyCrsMember_ReadsLambert93(string crsName)
    {
        var json = $$$"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"{{{crsName}}}"}},
             "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[652784.41,6865619.14]},"properties":{"id":"a","logements":5}}]}
            """;
        var r = Import("l93.geojson", json);

        Assert.Equal(CrsRegistry.Lambert93, r.SourceCrs);
        var p = (Point)Assert.Single(r.Estates).Geometry;
        Assert.Equal(652784.41, p.X, 1e-6);
    }

    [Fact]
    public void Import_SingleFeature_ReadsOneRow()
    {
        var r = Import("one.geojson", """{"type":"Feature","geometry":{"type":"Point","coordinates":[1.44,43.6]},"properties":{"nb_logements":3}}""");
        ImportAssert.Balanced(r);
        Assert.Equal("ligne-1", Assert.Single(r.Estates).Id);
        Assert.Single(r.Issues, i => i.Row == 0 && i.Field == TargetFields.Id);
    }

    [Fact]
    public void Import_NullAndEmptyGeometries_Rejected()
    {
        var json = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":null,"properties":{"id":1,"dwellings":3}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[]},"properties":{"id":2,"dwellings":3}},
             {"type":"Feature","properties":{"id":3,"dwellings":3}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[1.44,43.6]},"properties":{"id":4,"dwellings":3}}]}
            """;
        var r = Import("nulls.geojson", json);

        ImportAssert.Balanced(r);
        Assert.Equal(4, r.Read);
        Assert.Equal(1, r.Accepted);
        Assert.Equal(3, r.Issues.Count(i => i.Field == "geometry" && i.Reason.StartsWith("pas de géométrie", StringComparison.Ordinal)));
    }

    [Fact]
    public void Import_BowTiePolygon_RepairedAndCounted()
    {
        var json = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1.40,43.60],[1.42,43.62],[1.42,43.60],[1.40,43.62],[1.40,43.60]]]},"properties":{"code_qp":"QP031001","nom_qp":"Nœud"}}]}
            """;
        var r = Import("bowtie.geojson", json, LayerKind.Qpv);

        ImportAssert.Balanced(r);
        Assert.Equal(1, r.Repaired);
        var d = Assert.Single(r.Districts);
        Assert.True(d.Geometry.IsValid);
        Assert.True(d.Geometry.Area > 0);
        var repaired = Assert.Single(r.Issues, i => i.Severity == ImportIssueSeverity.Repaired);
        Assert.Equal("polygon_repaired", repaired.Code);
        Assert.Equal("polygone invalide réparé (auto-intersection)", repaired.Reason);
        Assert.Equal("invalid polygon repaired (self-intersection)", repaired.Render(Territory.Core.Messages.Lang.En));
    }

    [Fact]
    public void Import_LineForCommunes_RejectedAsWrongKind()
    {
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1.4,43.6],[1.5,43.7]]},"properties":{"code":"31555"}}]}""";
        var r = Import("line.geojson", json, LayerKind.Communes);

        ImportAssert.Balanced(r);
        Assert.Equal("géométrie ligne non admise pour la couche communes (polygone ou multipolygone attendu)",
            Assert.Single(r.Issues, i => i.Severity == ImportIssueSeverity.Rejected).Reason);
    }

    [Fact]
    public void Import_PolygonAgency_ReplacedByCentroidWithWarning()
    {
        var json = """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1.40,43.60],[1.42,43.60],[1.42,43.62],[1.40,43.62],[1.40,43.60]]]},"properties":{"id":"AG1","type":"Lieu relais","effectif":"12"}}]}""";
        var r = Import("agency.geojson", json, LayerKind.Agencies);

        var a = Assert.Single(r.Agencies);
        Assert.Equal(AgencyKind.LieuRelais, a.Kind);
        Assert.Equal(12, a.Staff);
        Assert.Contains(r.Issues, i => i.Severity == ImportIssueSeverity.Warning && i.Code == "polygon_centroid");
    }

    [Fact]
    public void Import_TruncatedJson_ThrowsNamingFile()
    {
        var e = Fails("cut.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Po""");
        Assert.StartsWith("cut.geojson :", e.Message);
        Assert.Equal("geojson_truncated", e.Reason.Code);
    }

    [Fact]
    public void Import_ArrayRoot_ThrowsExplainingExpectedRoot()
    {
        var e = Fails("array.geojson", "[1,2,3]");
        Assert.Equal("array.geojson : la racine du JSON n'est pas un objet ; attendu une FeatureCollection ou une Feature GeoJSON.", e.Message);
    }

    [Fact]
    public void Import_BinaryGarbage_ThrowsNamingFile()
    {
        var path = Path.Combine(TestData.NewTempDir(), "garbage.geojson");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFE, 0x00]);
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(path, LayerKind.Estates, new ImportOptions()));
        Assert.StartsWith("garbage.geojson :", e.Message);
        Assert.Equal("geojson_binary", e.Reason.Code);
    }

    [Fact]
    public void Import_EmptyFile_ThrowsNamingFile()
    {
        var e = Fails("empty.geojson", "");
        Assert.Equal("empty.geojson : le fichier est vide (0 octet).", e.Message);
        Assert.Equal("empty.geojson: the file is empty (0 bytes).", e.Reason.Render(Territory.Core.Messages.Lang.En));
    }

    [Fact]
    public void Import_MissingFile_ThrowsNamingFile()
    {
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import("/nonexistent/estates.geojson", LayerKind.Estates, new ImportOptions()));
        Assert.StartsWith("estates.geojson : fichier introuvable", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Import_UnsupportedExtension_ThrowsListingSupported()
    {
        // OpenDocument spreadsheets have no maintained reader here: export them to .xlsx or .csv.
        var e = Assert.Throws<ImportException>(() => LayerImporter.Import(TestData.WriteFile("estates.ods", "PK"), LayerKind.Estates, new ImportOptions()));
        Assert.Equal("import_unsupported_type", e.Reason.Code);
        Assert.Contains("type de fichier « .ods » non pris en charge", e.Message);
        Assert.Contains(".xlsx", e.Message);
        Assert.Contains("unsupported file type '.ods'", e.Reason.Render(Territory.Core.Messages.Lang.En));
    }

    [Fact]
    public void Import_MissingDwellingsColumn_ThrowsFileLevelError()
    {
        var e = Fails("nodw.geojson", """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1.44,43.6]},"properties":{"id":1}}]}""");
        Assert.Equal("import_no_dwellings_column", e.Reason.Code);
        Assert.Contains("aucune colonne de nombre de logements", e.Message);
    }

    [Fact]
    public void Import_MappingNamesUnknownColumn_Throws()
    {
        var mapping = TestData.WriteFile("map.json", """{"dwellings":"NB_LGT"}""");
        var e = Assert.Throws<ImportException>(() => Import("m.geojson",
            """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1.44,43.6]},"properties":{"id":1,"logements":4}}]}""",
            options: new ImportOptions { MappingFile = mapping }));
        Assert.Contains("la colonne « NB_LGT »", e.Message);
        Assert.StartsWith("map.json :", e.Message);
    }

    [Fact]
    public void Import_UnknownCrsMember_ThrowsUnlessCrsOptionGiven()
    {
        var json = """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1.44,43.6]},"properties":{"id":1,"logements":4}}]}""";
        Assert.Contains("--crs", Fails("merc.geojson", json).Message);
        var r = Import("merc.geojson", json, options: new ImportOptions { Crs = "4326" });
        Assert.Equal(1, r.Accepted);
    }
}
