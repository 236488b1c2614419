using Territory.Routing.Graph;

namespace Territory.Routing.Osm;

/// <summary>A road graph built from OSM and its build report.</summary>
public sealed record OsmRoadGraphResult(RoadGraph Graph, OsmRoadGraphReport Report);
