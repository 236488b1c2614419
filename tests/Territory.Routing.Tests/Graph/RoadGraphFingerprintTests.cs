using Territory.Routing.Graph;

namespace Territory.Routing.Tests.Graph;

public sealed class RoadGraphFingerprintTests
{
    [Fact]
    public void Fingerprint_SavedAndLoadedAgain_Same()
    {
        var g = OsmGraphs.SaintBarthelemy.Graph;
        var ms = new MemoryStream();
        g.Save(ms);
        ms.Position = 0;

        Assert.Equal(g.Fingerprint, RoadGraph.Load(ms).Fingerprint);
    }

    [Fact]
    public void Fingerprint_OneDurationChanged_Differs()
    {
        var ms = new MemoryStream();
        OsmGraphs.SaintBarthelemy.Graph.Save(ms);
        ms.Position = 0;
        var h = RoadGraph.Load(ms);
        var before = OsmGraphs.SaintBarthelemy.Graph.Fingerprint;
        h.EdgeDurationMs[0] += 1;

        // The fingerprint is computed once per graph: the changed graph is fingerprinted through a new load.
        var changed = new MemoryStream();
        h.Save(changed);
        changed.Position = 0;

        Assert.NotEqual(before, RoadGraph.Load(changed).Fingerprint);
    }
}
