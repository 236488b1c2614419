using Territory.Routing.Graph;

namespace Territory.Routing.Isochrones;

/// <summary>Static entry point for car isochrones (see <see cref="IsochroneBuilder"/>).</summary>
public static class Isochrones
{
    /// <summary>Nested isochrone areas around a WGS84 lon/lat origin, one per cutoff (minutes), smallest first.</summary>
    public static IReadOnlyList<Isochrone> Build(RoadGraph graph, (double Lon, double Lat) origin, IReadOnlyList<double> cutoffsMinutes,
        IsochroneParameters? parameters = null, CancellationToken cancellationToken = default) =>
        new IsochroneBuilder(graph, parameters).Build(origin, cutoffsMinutes, cancellationToken);
}
