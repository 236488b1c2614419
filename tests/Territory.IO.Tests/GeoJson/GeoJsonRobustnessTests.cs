using System.Text;
using Territory.Core.Model;
using Territory.IO.GeoJson;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.GeoJson;

/// <summary>Hostile or unusual GeoJSON files: ambiguous keys, broken features, byte order marks, UTF-16, sizes beyond memory.</summary>
public sealed class GeoJsonRobustnessTests
{
    private const string Valid = """{"type":"Feature","properties":{"id":"ok","nom":"Résidence du Parc","logements":12},"geometry":{"type":"Point","coordinates":[1.44,43.6]}}""";

    private static ImportResult Import(string name, string json, Encoding? encoding = null) =>
        LayerImporter.Import(TestData.WriteFile(name, json, encoding), LayerKind.Estates, new ImportOptions());

    [Fact]
    public void Import_SecondRootType_RefusedAsAmbiguous()
    {
        var json = """{"type":"FeatureCollection","features":[""" + Valid + """],"type":"Feature"}""";
        var e = Assert.Throws<ImportException>(() => Import("double.geojson", json));
        Assert.Equal("geojson_duplicate_key", e.Reason.Code);
        Assert.Equal("type", e.Reason["key"]);
        Assert.StartsWith("double.geojson :", e.Message);
    }

    [Fact]
    public void Import_MalformedFeatures_EachRejectedAsItsRowTheOthersImported()
    {
        string[] features =
        [
            Valid.Replace("\"ok\"", "\"a\""),
            "42",
            """{"type":"Feature","properties":[1,2],"geometry":{"type":"Point","coordinates":[1.44,43.6]}}""",
            """{"type":"Feature","properties":{"id":"d","id":"e","logements":3},"geometry":{"type":"Point","coordinates":[1.44,43.6]}}""",
            """{"type":"Feature","properties":{"id":"f","logements":3},"geometry":{"type":"Point","coordinates":"ici"}}""",
            """{"type":"Feature" "properties":{"id":"g","logements":3}}""",
            """{"type":"Geometry","properties":{"id":"h","logements":3},"geometry":{"type":"Point","coordinates":[1.44,43.6]}}""",
            Valid.Replace("\"ok\"", "\"z\""),
        ];
        var r = Import("melange.geojson", """{"type":"FeatureCollection","features":[""" + string.Join(",\n", features) + "]}");

        ImportAssert.Balanced(r);
        Assert.Equal(8, r.Read);
        Assert.Equal(["a", "z"], r.Estates.Select(e => e.Id));
        var rejected = r.Issues.Where(i => i.Severity == ImportIssueSeverity.Rejected).ToDictionary(i => i.Row, i => i.Reason);
        Assert.Equal([2L, 3, 4, 5, 6, 7], rejected.Keys.Order());
        Assert.Contains("pas un objet", rejected[2]);
        Assert.Contains("properties", rejected[3]);
        Assert.Contains("deux fois", rejected[4]);
        Assert.Contains("illisible", rejected[5]);
        Assert.Contains("JSON invalide", rejected[6]);
        Assert.Contains("« Geometry »", rejected[7]);
    }

    [Fact]
    public void Import_Utf8Bom_Read()
    {
        var r = Import("bom.geojson", """{"type":"FeatureCollection","features":[""" + Valid + "]}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal("Résidence du Parc", Assert.Single(r.Estates).Name);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Import_Utf16_TranscodedWithAccentsIntact(bool bigEndian, bool bom)
    {
        var r = Import("utf16.geojson", """{"type":"FeatureCollection","features":[""" + Valid + "]}", new UnicodeEncoding(bigEndian, bom));
        Assert.Equal("Résidence du Parc", Assert.Single(r.Estates).Name);
    }

    [Fact]
    public void Import_KeysInAnyOrderAndEscaped_StillUnderstood()
    {
        var json = """{"features":[""" + Valid + """],"\u0074ype":"FeatureCollection","bbox":[1,43,2,44]}""";
        Assert.Single(Import("ordre.geojson", json).Estates);
    }

    [Fact]
    public void Rows_LargeFile_StreamedFeatureByFeatureWithBoundedMemory()
    {
        // About 60 MB of features: held whole (the file, or a JSON tree of it) it would show in the heap.
        var path = Path.Combine(TestData.NewTempDir(), "gros.geojson");
        const int count = 400_000;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("""{"type":"FeatureCollection","features":[""");
            for (var i = 0; i < count; i++)
            {
                if (i > 0)
                    writer.Write(',');
                writer.Write("{\"type\":\"Feature\",\"properties\":{\"id\":\"E");
                writer.Write(i);
                writer.Write("\",\"nom\":\"Résidence numéro ");
                writer.Write(i);
                writer.Write(" du quartier\",\"logements\":");
                writer.Write(1 + i % 90);
                writer.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[1.{i % 9999:0000},43.{i % 7777:0000}]}}}}"));
            }
            writer.Write("]}");
        }
        Assert.True(new FileInfo(path).Length > 50_000_000);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        long rows = 0;
        using (var layer = new GeoJsonSourceLayer(path))
        {
            foreach (var row in layer.Rows(CancellationToken.None))
            {
                if (++rows % 50_000 == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
            Assert.Equal(1.0, layer.ReadFraction);
        }
        Assert.Equal(count, rows);
        Assert.True(peak < 16 << 20, $"the reader held {peak >> 20} MB while streaming a {new FileInfo(path).Length >> 20} MB file");
        File.Delete(path);
    }
}
