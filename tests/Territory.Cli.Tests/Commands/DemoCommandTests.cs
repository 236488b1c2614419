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

    [Fact]
    public void Demo_WithEstates_ProjectHoldsExactlyThatManyOverTwoDepartements()
    {
        using var tmp = TestPaths.Temp();
        var json = CliRun.Invoke("demo", "--out", tmp.Path, "--estates", "12000", "--json").Json();

        Assert.Equal(12_000, json.GetProperty("estates").GetInt32());
        Assert.EndsWith("habitat-demo-12000.gpkg", json.GetProperty("project").GetString());
        var layers = CliRun.Invoke("inspect", json.GetProperty("project").GetString()!, "--json").Json().GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(12_000, layers.Single(l => l.GetProperty("name").GetString() == "estates").GetProperty("count").GetInt64());
        Assert.Equal(20, layers.Single(l => l.GetProperty("name").GetString() == "agencies").GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500001")]
    public void Demo_EstatesOutOfRange_Exit2WithTheLimits(string estates)
    {
        using var tmp = TestPaths.Temp();
        var run = CliRun.Invoke("demo", "--out", tmp.Path, "--estates", estates);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--estates : entre 1 et 500", run.Error);
    }

    [Fact]
    public void Demo_EstatesWithNational_Exit2NothingWritten()
    {
        using var tmp = TestPaths.Temp();
        var run = CliRun.Invoke("demo", "--national", "--out", tmp.Path, "--estates", "20000");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--estates ne s’applique pas à --national", run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }
}
