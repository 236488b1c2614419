namespace Territory.Routing.Osm;

/// <summary>What building a road graph from an OSM extract produced and skipped.</summary>
/// <param name="NodeCount">Graph nodes (intersections, dead ends, cut points).</param>
/// <param name="EdgeCount">Graph edges (road pieces between nodes).</param>
/// <param name="ArcCount">Directed travellable edge sides.</param>
/// <param name="ComponentCount">Strongly-connected components.</param>
/// <param name="LargestComponentNodeCount">Nodes in the largest component.</param>
/// <param name="LargestComponentShare">Share of nodes in the largest component, 0–1.</param>
/// <param name="MissingNodeRefs">Way node references absent from the file (clipped extracts); ways are cut there.</param>
/// <param name="WaysCutAtMissingNodes">Drivable ways that lost at least one node reference.</param>
/// <param name="DrivableWays">Ways accepted by the profile.</param>
/// <param name="ExcludedByAccess">Highway ways of a drivable class excluded by access tags.</param>
/// <param name="WaysByClass">Drivable ways per highway class.</param>
public sealed record OsmRoadGraphReport(
    int NodeCount,
    int EdgeCount,
    int ArcCount,
    int ComponentCount,
    int LargestComponentNodeCount,
    double LargestComponentShare,
    long MissingNodeRefs,
    int WaysCutAtMissingNodes,
    int DrivableWays,
    int ExcludedByAccess,
    IReadOnlyDictionary<string, int> WaysByClass);
