namespace Territory.Cli.Tests.Commands;

public sealed class RoutingCommandTests
{
    [Fact]
    public void RoadsBuild_SaintBarthelemy_ReportsGraphFiguresAndWritesGraphFile()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("sb.gpkg");
        var json = CliRun.Invoke("roads", "build", TestPaths.Shared("osm/saint_barthelemy.osm.pbf"), "--into", project, "--json").Json();
        Assert.InRange(json.GetProperty("nodes").GetInt32(), 100, 8_076);
        Assert.True(json.GetProperty("edges").GetInt32() > json.GetProperty("nodes").GetInt32() / 2);
        Assert.True(json.GetProperty("components").GetInt32() >= 1);
        Assert.InRange(json.GetProperty("largest_component_share").GetDouble(), 0.5, 1.0);
        Assert.True(json.GetProperty("missing_node_refs").GetInt64() >= 0);
        Assert.True(File.Exists(tmp.File("sb.roads.graph")));
    }

    [Fact]
    public void Route_AcrossSaintBarthelemy_PlausibleDurationAndSnaps()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("sb.gpkg");
        CliRun.Invoke("roads", "build", TestPaths.Shared("osm/saint_barthelemy.osm.gz"), "--into", project, "--json").Json();
        // Gustavia harbour to the Saint-Jean beach area, about 2.5 km apart.
        var json = CliRun.Invoke("route", project, "--from", "-62.8502,17.8960", "--to", "-62.8286,17.9015", "--json").Json();
        var seconds = json.GetProperty("duration_s").GetDouble();
        var meters = json.GetProperty("distance_m").GetDouble();
        Assert.InRange(meters, 2_000, 8_000);
        Assert.InRange(seconds, 120, 900);
        Assert.InRange(json.GetProperty("snap_from_m").GetDouble(), 0, 500);
        Assert.InRange(json.GetProperty("snap_to_m").GetDouble(), 0, 500);
    }

    [Fact]
    public void Route_WithoutRoads_Exit2WithHint()
    {
        var run = CliRun.Invoke("route", TestPaths.Demo("habitat-demo.gpkg"), "--from", "3,46.6", "--to", "3.1,46.7");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("roads build", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TravelTimes_DemoWithRoads_EveryAgencyReviewedAndFarEstatesUnreachable()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        CliRun.Invoke("roads", "build", TestPaths.Demo("habitat-demo.osm.pbf"), "--into", project, "--json").Json();
        var json = CliRun.Invoke("traveltimes", project, "--out", tmp.Path, "--matrix", "--json").Json();
        Assert.False(json.GetProperty("estimated").GetBoolean());
        var agencies = json.GetProperty("agencies").EnumerateArray().ToList();
        Assert.InRange(agencies.Count, 6, 10);
        var timed = agencies.Where(a => a.GetProperty("estates").GetInt32() > 0).ToList();
        Assert.True(timed.Count >= 5);
        foreach (var a in timed)
        {
            Assert.True(a.GetProperty("median_s").GetDouble() <= a.GetProperty("p90_s").GetDouble());
            Assert.True(a.GetProperty("p90_s").GetDouble() <= a.GetProperty("max_s").GetDouble());
            Assert.True(a.GetProperty("dwellings_over_30min").GetInt32() <= a.GetProperty("dwellings").GetInt32());
        }
        Assert.True(json.GetProperty("unreachable").GetInt32() >= 2);
        Assert.All(json.GetProperty("unreachable_estates").EnumerateArray(),
            e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reason").GetString())));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "temps-residences.csv")));
        // The full agency × estate matrix: one row per pair, unreachable pairs with their reason.
        var matrix = File.ReadAllLines(Path.Combine(tmp.Path, "matrice-agences-residences.csv"));
        var pairs = matrix.Length - 1;
        Assert.True(pairs % agencies.Count == 0 && pairs / agencies.Count > 1000, $"{pairs} pairs for {agencies.Count} agencies");
        Assert.Contains(matrix.Skip(1), l => l.Split(';')[^1].Length > 0);
    }

    [Fact]
    public void TravelTimes_DemoWithoutRoads_FlaggedAsEstimate()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);
        var json = CliRun.Invoke("traveltimes", project, "--json").Json();
        Assert.True(json.GetProperty("estimated").GetBoolean());
        Assert.Equal("straight_line_estimate", json.GetProperty("method").GetString());
        Assert.Contains("ESTIMATION", json.GetProperty("note").GetString(), StringComparison.Ordinal);
    }
}
