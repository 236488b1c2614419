using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Territory.IO.Export;
using Territory.IO.Tests.Reports;

namespace Territory.IO.Tests.Export;

public sealed class AnalysisGeoJsonExporterTests
{
    private static JsonDocument Export(out int territories)
    {
        var result = ReportScenario.Run();
        territories = result.Territories.Count;
        using var ms = new MemoryStream();
        AnalysisGeoJsonExporter.Write(result, ms);
        return JsonDocument.Parse(ms.ToArray());
    }

    [Fact]
    public void Write_Scenario_FeaturesInFranceLonLat()
    {
        using var doc = Export(out var count);
        var features = doc.RootElement.GetProperty("features");
        Assert.Equal(count, features.GetArrayLength());
        var positions = 0;
        foreach (var f in features.EnumerateArray())
        {
            foreach (var (lon, lat) in Positions(f.GetProperty("geometry").GetProperty("coordinates")))
            {
                Assert.InRange(lon, -5.5, 10);
                Assert.InRange(lat, 41, 51.5);
                positions++;
            }
        }
        Assert.True(positions > 0);
    }

    [Fact]
    public void Write_Scenario_PropertiesCarryTypeTracePlanStakesStaffAndCaretaking()
    {
        using var doc = Export(out _);
        var qpv = doc.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "69259-QP069001").GetProperty("properties");
        Assert.Equal("priority_district", qpv.GetProperty("type").GetString());
        Assert.True(qpv.GetProperty("margin").GetDouble() > 0);
        var plan = qpv.GetProperty("presence").EnumerateArray().ToList();
        Assert.NotEmpty(plan);
        Assert.All(plan, p => Assert.Contains(p.GetProperty("status").GetString(), new[] { "present", "to_create", "to_reinforce", "not_retained" }));
        Assert.Equal(4, qpv.GetProperty("stakes").GetArrayLength());
        Assert.Equal("applies", qpv.GetProperty("caretaking").GetProperty("status").GetString());
        Assert.Equal(1.5, qpv.GetProperty("caretaking").GetProperty("required_fte").GetDouble(), 6);
        Assert.True(qpv.GetProperty("staff").GetProperty("needed_site_fte").GetDouble() >= 1.5);
    }

    [Fact]
    public void Write_Polygon_ExteriorRingCounterClockwise()
    {
        using var doc = Export(out _);
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var g = f.GetProperty("geometry");
            if (g.GetProperty("type").GetString() != "Polygon") continue;
            var ring = g.GetProperty("coordinates")[0].EnumerateArray()
                .Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
            Assert.True(Orientation.IsCCW(ring), f.GetProperty("id").GetString());
        }
    }

    private static IEnumerable<(double Lon, double Lat)> Positions(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.Number)
        {
            yield return (e[0].GetDouble(), e[1].GetDouble());
            yield break;
        }
        foreach (var child in e.EnumerateArray())
            foreach (var p in Positions(child))
                yield return p;
    }
}
