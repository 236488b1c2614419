using NetTopologySuite.Geometries;

namespace Territory.Routing.Isochrones;

/// <summary>The area reachable by car within a cutoff from an origin.</summary>
/// <param name="CutoffMinutes">Travel-time cutoff, minutes.</param>
/// <param name="Area">Polygon or multipolygon in WGS84 lon/lat (SRID 4326), possibly with holes; empty when the origin did not snap.</param>
/// <param name="ReachedNodeCount">Graph nodes reached within the cutoff.</param>
/// <param name="FailureReason">Why the area is empty.</param>
public sealed record Isochrone(double CutoffMinutes, Geometry Area, int ReachedNodeCount, string? FailureReason = null);
