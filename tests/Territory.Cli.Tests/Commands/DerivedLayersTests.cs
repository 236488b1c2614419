using Territory.Store;

namespace Territory.Cli.Tests.Commands;

/// <summary>Result layers written by commands say which version of the inputs they describe.</summary>
public sealed class DerivedLayersTests
{
    [Fact]
    public void TravelTimesAndAnalyse_ResultLayersCarryTheInputsVersion()
    {
        using var tmp = TestPaths.Temp();
        var project = tmp.File("demo.gpkg");
        File.Copy(TestPaths.Demo("habitat-demo.gpkg"), project);

        CliRun.Invoke("traveltimes", project, "--json").Json();
        CliRun.Invoke("analyse", project, "--json").Json();

        using var store = ProjectStores.Open(project);
        Assert.Equal(store.DataVersion, store.DerivedVersion("travel_estates"));
        Assert.Equal(store.DataVersion, store.DerivedVersion("travel_agencies"));
        Assert.Equal(store.DataVersion, store.DerivedVersion("territories"));
    }
}
