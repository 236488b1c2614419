using Territory.Routing.Osm;

namespace Territory.Routing.Tests;

/// <summary>Real extracts, loaded once per test run.</summary>
internal static class OsmGraphs
{
    private static readonly Lazy<OsmRoadGraphResult> AndorraLazy = new(() => OsmRoadGraphLoader.Load(TestData.Osm("andorra.osm.pbf")));
    private static readonly Lazy<OsmRoadGraphResult> StBarthLazy = new(() => OsmRoadGraphLoader.Load(TestData.Osm("saint_barthelemy.osm.pbf")));

    public static OsmRoadGraphResult Andorra => AndorraLazy.Value;

    public static OsmRoadGraphResult SaintBarthelemy => StBarthLazy.Value;
}
