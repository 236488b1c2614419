using Territory.Planning.Service;
using Territory.Planning.Tests.Matrix;

namespace Territory.Planning.Tests.Service;

public sealed class RoundLegsTests
{
    private static RoundResultStop At(string id, double lon, double lat, double drive) =>
        new(id, id, lon, lat, drive, drive + 60, drive, "", "", "weekly");

    private static bool Has(RoundLeg leg, double lon, double lat) =>
        leg.Line.Any(p => Math.Abs(p[0] - lon) < 1e-7 && Math.Abs(p[1] - lat) < 1e-7);

    [Fact]
    public void Day_RoadGraph_LegsFollowTheGraphsNodesBothWays()
    {
        // Out 0 → 1 → 2 → 3 along the line; back 3 → 2 → detour → 1 → 0, the 1 → 2 street being one-way east.
        var legs = new RoundLegs(TestGraphs.Line());
        double Lon(int i) => TestGraphs.Lon0 + i * 1000 * TestGraphs.MeterLon;
        var stop = At("N3", Lon(3), TestGraphs.Lat0, 3);
        var day = legs.Day(("AG", Lon(0), TestGraphs.Lat0), [stop], 7);

        Assert.Equal(2, day.Count);
        var (outbound, back) = (day[0], day[1]);
        Assert.True(outbound.OnRoads && back.OnRoads);
        Assert.Equal(("AG", "N3", 3.0), (outbound.From, outbound.To, outbound.DriveMinutes));
        Assert.Equal(("N3", "AG", 7.0), (back.From, back.To, back.DriveMinutes));
        Assert.True(Has(outbound, Lon(1), TestGraphs.Lat0) && Has(outbound, Lon(2), TestGraphs.Lat0));
        Assert.DoesNotContain(outbound.Line, p => p[1] > TestGraphs.Lat0 + 1e-7);
        var detour = (Lon: TestGraphs.Lon0 + 1500 * TestGraphs.MeterLon, Lat: TestGraphs.Lat0 + 300 * TestGraphs.MeterLat);
        Assert.True(Has(back, detour.Lon, detour.Lat), "the way back takes the detour");
        Assert.Equal([Lon(0), TestGraphs.Lat0], outbound.Line[0]);
        Assert.Equal([Lon(3), TestGraphs.Lat0], outbound.Line[^1]);
    }

    [Fact]
    public void Day_NoGraph_StraightLinesSaidAsSuch()
    {
        var legs = new RoundLegs(null).Day(("AG", 1.0, 43.0), [At("S", 1.1, 43.1, 10), At("T", 1.2, 43.0, 12)], 15);
        Assert.Equal(3, legs.Count);
        Assert.All(legs, l => Assert.False(l.OnRoads));
        Assert.All(legs, l => Assert.Equal(2, l.Line.Count));
        Assert.Equal(["S", "T", "AG"], legs.Select(l => l.To));
    }

    [Fact]
    public void Day_NoStop_NoLeg() => Assert.Empty(new RoundLegs(null).Day(("AG", 1.0, 43.0), [], 0));
}
