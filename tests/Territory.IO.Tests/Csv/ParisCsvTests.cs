using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Territory.Core.Model;
using Territory.IO.Import;
using Territory.IO.Tests.Import;

namespace Territory.IO.Tests.Csv;

public sealed class ParisCsvTests
{
    /// <summary>The Paris programmes as French Excel would export them: 1252, ';', decimal comma, Lambert-93 X/Y.</summary>
    private static string WriteParisCsv()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(TestData.ParisProgrammes));
        var sb = new StringBuilder("n_livraison;bs;nom;nb_logmt_total;coord_x_l93;coord_y_l93\r\n");
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = f.GetProperty("properties");
            string Num(string name) => p.GetProperty(name).GetDouble().ToString("R", CultureInfo.InvariantCulture).Replace('.', ',');
            sb.Append(CultureInfo.InvariantCulture, $"{p.GetProperty("n_livraison").GetInt32()};{p.GetProperty("bs").GetString()};\"{p.GetProperty("adresse_programme").GetString()?.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{p.GetProperty("nb_logmt_total").GetInt32()};{Num("coord_x_l93")};{Num("coord_y_l93")}\r\n");
        }
        return TestData.WriteFile("paris.csv", sb.ToString(), TestData.Windows1252);
    }

    [Fact]
    public void Import_ParisCsvWindows1252DecimalComma_SameCoordinatesAsGeoJsonWithin1cm()
    {
        var csv = LayerImporter.Import(WriteParisCsv(), LayerKind.Estates, new ImportOptions());
        var json = LayerImporter.Import(TestData.ParisProgrammes, LayerKind.Estates, new ImportOptions());

        ImportAssert.Balanced(csv);
        Assert.Equal(2858, csv.Read);
        Assert.Equal(json.Accepted, csv.Accepted);
        Assert.Equal(2154, csv.SourceCrs);
        Assert.Equal("coord_x_l93", csv.Mapping[TargetFields.X]);
        var byId = json.Estates.ToDictionary(e => e.Id);
        foreach (var e in csv.Estates)
        {
            var a = (Point)e.Geometry;
            var b = (Point)byId[e.Id].Geometry;
            Assert.True(a.Distance(b) < 0.01, $"{e.Id}: {a} vs {b}");
        }
    }

    [Fact]
    public void Import_ParisCsvWindows1252_DecodesOeLigature()
    {
        var csv = LayerImporter.Import(WriteParisCsv(), LayerKind.Estates, new ImportOptions());
        Assert.Equal(2, csv.Estates.Count(e => e.Name?.Contains("SŒUR ROSALIE", StringComparison.Ordinal) == true));
        Assert.Equal(4, csv.Estates.Count(e => e.Name?.Contains("CHÂTEAU", StringComparison.Ordinal) == true));
        Assert.Contains(csv.Estates, e => e.Name?.StartsWith("147 À 171", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(csv.Estates, e => e.Name?.Contains('\uFFFD') == true);
    }
}
