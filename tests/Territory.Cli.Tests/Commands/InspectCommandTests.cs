namespace Territory.Cli.Tests.Commands;

public sealed class InspectCommandTests
{
    [Fact]
    public void Inspect_DemoProject_ListsFourLayersWithCrsExtentAndDwellings()
    {
        var json = CliRun.Invoke("inspect", TestPaths.Demo("habitat-demo.gpkg"), "--json").Json();
        var layers = json.GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        foreach (var name in new[] { "estates", "agencies", "communes", "qpv" })
        {
            Assert.True(layers.ContainsKey(name), name);
            Assert.Equal("EPSG:2154", layers[name].GetProperty("crs").GetString());
            Assert.Equal(4, layers[name].GetProperty("extent").GetArrayLength());
            Assert.True(layers[name].GetProperty("count").GetInt32() > 0, name);
        }
        var dwellings = layers["estates"].GetProperty("dwellings").GetInt32();
        Assert.InRange(dwellings, 25_000, 36_000);
        var extent = layers["estates"].GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.InRange(extent[0], 100_000, 1_300_000); // Lambert-93 metres, not degrees
        Assert.True(extent[2] > extent[0] && extent[3] > extent[1]);
    }

    [Fact]
    public void Inspect_MissingProject_Exit2()
    {
        var run = CliRun.Invoke("inspect", "/nonexistent/p.gpkg");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("introuvable", run.Error, StringComparison.Ordinal);
    }
}
