using System.Text.Json;

namespace Territory.Cli.Tests.Commands;

public sealed class IsochronesCommandTests
{
    [Fact]
    public void Isochrones_DemoAgencyWithRoads_NestedAreasWrittenAsGeoJsonWithMinutes()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project, "--json").Json();
        var file = tmp.File("iso.geojson");
        var json = CliRun.Invoke("isochrones", project, "--agency", "AG-NORD", "--minutes", "30,10,20", "--out", file, "--json").Json();

        Assert.False(json.GetProperty("estimated").GetBoolean());
        var areas = json.GetProperty("isochrones").EnumerateArray().Select(i => i.GetProperty("area_km2").GetDouble()).ToList();
        Assert.Equal(3, areas.Count);
        Assert.True(areas[0] > 1 && areas[0] < areas[1] && areas[1] < areas[2], string.Join(" < ", areas));
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal([10.0, 20.0, 30.0], features.Select(f => f.GetProperty("properties").GetProperty("minutes").GetDouble()));
        Assert.All(features, f => Assert.Contains(f.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" }));
    }

    [Fact]
    public void Isochrones_WithoutRoads_EstimateSaysSo()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        var json = CliRun.Invoke("isochrones", project, "--agency", "AG-SUD", "--minutes", "15", "--json").Json();
        Assert.True(json.GetProperty("estimated").GetBoolean());
        Assert.Equal("straight_line_estimate", json.GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("unknown agency", "NOPE", "10")]
    [InlineData("negative minutes", "AG-SUD", "-5")]
    [InlineData("not a number", "AG-SUD", "ten")]
    public void Isochrones_BadInput_Exit2OneLine(string because, string agency, string minutes)
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        var run = CliRun.Invoke("isochrones", project, "--agency", agency, "--minutes", minutes);
        Assert.True(run.ExitCode == 2, because);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
