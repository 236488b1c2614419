using System.Text;
using Territory.Routing.Osm;

namespace Territory.Routing.Tests.Osm;

public sealed class OsmRoadGraphLoaderTests
{
    private static OsmRoadGraphResult FromXml(string xml) =>
        OsmRoadGraphLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml)), OsmFileFormat.Xml);

    // Three nodes on the equator, 0.01° apart (1111.95 m each with R = 6371008.8 m).
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <osm version="0.6">
          <node id="1" lat="0" lon="0"/>
          <node id="2" lat="0" lon="0.01"/>
          <node id="3" lat="0" lon="0.02"/>
          <node id="4" lat="0.01" lon="0.01"/>
        """;

    [Fact]
    public void Load_MaxspeedTags_DurationsMatchHandComputation()
    {
        var r = FromXml(Header + """
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="maxspeed" v="50"/></way>
              <way id="11"><nd ref="2"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="maxspeed" v="FR:rural"/></way>
            </osm>
            """);
        var g = r.Graph;
        Assert.Equal(4, g.NodeCount); // node 2 shared by two ways splits way 10
        Assert.Equal(3, g.EdgeCount);
        double segment = 2 * 6_371_008.8 * Math.Asin(Math.Sin(0.01 * Math.PI / 180 / 2));
        for (int e = 0; e < g.EdgeCount; e++)
        {
            Assert.Equal(segment, g.GetEdgeDistanceMeters(e), 0.01);
            bool residential = g.GetNodeLat(g.GetEdgeTo(e)) > 0.005 || g.GetNodeLat(g.GetEdgeFrom(e)) > 0.005;
            double kmh = residential ? 80 * 0.8 : 50 * 0.8;
            Assert.Equal(segment / (kmh / 3.6), g.GetEdgeDurationSeconds(e), 0.002);
        }
        Assert.Equal(2, r.Report.DrivableWays);
    }

    [Fact]
    public void Load_OnewayAndAccess_DirectionsAndExclusions()
    {
        var r = FromXml(Header + """
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="oneway" v="yes"/></way>
              <way id="11"><nd ref="3"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="oneway" v="-1"/></way>
              <way id="12"><nd ref="2"/><nd ref="4"/><tag k="highway" v="residential"/><tag k="access" v="private"/></way>
              <way id="13"><nd ref="3"/><nd ref="4"/><tag k="highway" v="footway"/></way>
            </osm>
            """);
        var g = r.Graph;
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal(1, r.Report.ExcludedByAccess);
        for (int e = 0; e < g.EdgeCount; e++)
        {
            Assert.True(g.IsForwardAllowed(e) ^ g.IsBackwardAllowed(e));
            // Both one-ways lead away from node 1 towards node 3 in the east.
            int tail = g.IsForwardAllowed(e) ? g.GetEdgeFrom(e) : g.GetEdgeTo(e);
            int head = g.IsForwardAllowed(e) ? g.GetEdgeTo(e) : g.GetEdgeFrom(e);
            Assert.True(g.GetNodeLon(tail) < g.GetNodeLon(head));
        }
    }

    [Fact]
    public void Load_ClippedWay_CutAtMissingNodesNotJoined()
    {
        var r = FromXml(Header + """
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="99"/><nd ref="3"/><nd ref="4"/><tag k="highway" v="tertiary"/></way>
            </osm>
            """);
        Assert.Equal(1, r.Report.MissingNodeRefs);
        Assert.Equal(1, r.Report.WaysCutAtMissingNodes);
        var g = r.Graph;
        Assert.Equal(2, g.EdgeCount);
        Assert.Equal(4, g.NodeCount);
        Assert.Equal(2, g.LargestComponentNodeCount); // the two pieces stay separate
        double total = 0;
        for (int e = 0; e < g.EdgeCount; e++) total += g.GetEdgeDistanceMeters(e);
        Assert.Equal(1111.95 + 1572.5, total, 1.0); // 1→2 and 3→4; the 2→3 gap is not bridged
    }

    [Fact]
    public void Load_Roundabout_OneWayAndNoSelfLoop()
    {
        var r = FromXml(Header + """
              <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="4"/><nd ref="1"/><tag k="highway" v="primary"/><tag k="junction" v="roundabout"/></way>
            </osm>
            """);
        var g = r.Graph;
        Assert.Equal(2, g.EdgeCount);
        for (int e = 0; e < g.EdgeCount; e++)
        {
            Assert.NotEqual(g.GetEdgeFrom(e), g.GetEdgeTo(e));
            Assert.False(g.IsBackwardAllowed(e));
        }
        Assert.Equal(1, g.ComponentCount);
    }

    [Fact]
    public void Load_SaintBarthelemyPbfAndGzip_SameGraph()
    {
        var pbf = OsmGraphs.SaintBarthelemy;
        var gz = OsmRoadGraphLoader.Load(TestData.Osm("saint_barthelemy.osm.gz"));
        Assert.Equal(pbf.Report, gz.Report with { WaysByClass = pbf.Report.WaysByClass });
        Assert.Equal(pbf.Report.WaysByClass, gz.Report.WaysByClass);
        Assert.True(pbf.Graph.NodeCount > 300);
        double total1 = 0, total2 = 0;
        for (int e = 0; e < pbf.Graph.EdgeCount; e++) total1 += pbf.Graph.GetEdgeDurationSeconds(e);
        for (int e = 0; e < gz.Graph.EdgeCount; e++) total2 += gz.Graph.GetEdgeDurationSeconds(e);
        Assert.Equal(total1, total2, 1e-6);
    }

    [Fact]
    public void Load_Andorra_ReportIsPlausible()
    {
        var r = OsmGraphs.Andorra.Report;
        Assert.True(r.NodeCount > 1000, r.ToString());
        Assert.True(r.LargestComponentShare > 0.8, r.ToString());
        Assert.True(r.WaysByClass["primary"] > 100);
        Assert.False(r.WaysByClass.ContainsKey("track"));
    }
}
