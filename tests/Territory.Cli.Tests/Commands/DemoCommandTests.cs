namespace Territory.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Demo_Regenerated_RoadsByteIdenticalAndProjectLayersEqualToCommittedSet()
    {
        using var tmp = TestPaths.Temp();
        var json = CliRun.Invoke("demo", "--out", tmp.Path, "--json").Json();
        var roads = json.GetProperty("roads").GetString()!;
        Assert.Equal(File.ReadAllBytes(TestPaths.Demo("habitat-demo.osm.pbf")), File.ReadAllBytes(roads));

        // The GeoPackage is compared by content: same layers, counts, extents and dwellings.
        var fresh = CliRun.Invoke("inspect", json.GetProperty("project").GetString()!, "--json").Json().GetProperty("layers").ToString();
        var committed = CliRun.Invoke("inspect", TestPaths.Demo("habitat-demo.gpkg"), "--json").Json().GetProperty("layers").ToString();
        Assert.Equal(committed, fresh);
    }
}
