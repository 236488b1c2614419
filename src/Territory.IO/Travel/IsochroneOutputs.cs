using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.IO.Export;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;

namespace Territory.IO.Travel;

/// <summary>Stores isochrones in the project (<c>isochrones</c> layer) and writes them as GeoJSON.</summary>
public static class IsochroneOutputs
{
    /// <summary>Layer name in the project.</summary>
    public const string Table = "isochrones";

    private static readonly LayerColumn[] Columns =
    [
        new("agency_id", ColumnType.Text, true), new("minutes", ColumnType.Real, true),
        new("reached_nodes", ColumnType.Integer), new("estimated", ColumnType.Boolean),
        new("failure_reason", ColumnType.Text),
    ];

    /// <summary>One isochrone ring set, in WGS84 lon/lat.</summary>
    /// <param name="Minutes">Cutoff in minutes.</param>
    /// <param name="AreaLonLat">Reached area, WGS84 (may be empty).</param>
    /// <param name="ReachedNodes">Road nodes reached (0 for an estimate).</param>
    /// <param name="Estimated">True for a straight-line estimate (no road network).</param>
    /// <param name="FailureReason">Why the area is empty.</param>
    public sealed record Area(double Minutes, Geometry AreaLonLat, int ReachedNodes, bool Estimated, string? FailureReason);

    /// <summary>Replaces the agency's isochrones in the project layer (other agencies' stay).</summary>
    public static void Store(ILayerSink store, int workingCrs, string agencyId, IReadOnlyList<Area> areas, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var toWorking = new Reprojector(CrsRegistry.Wgs84, workingCrs);
        var kept = store.HasLayer(Table)
            ? store.ReadFeatures(Table).Where(f => !string.Equals(f.Attributes["agency_id"] as string, agencyId, StringComparison.Ordinal)).ToList()
            : [];
        store.WriteLayer(new LayerDefinition(Table, "MULTIPOLYGON", workingCrs, Columns) { Description = Catalogue.Text(Lang.Fr, "layer_description_isochrones") }, false, w =>
        {
            foreach (var f in kept)
                w.Write(f.Geometry, f.Attributes["agency_id"], f.Attributes["minutes"], f.Attributes["reached_nodes"], f.Attributes["estimated"], f.Attributes["failure_reason"]);
            foreach (var a in areas)
                w.Write(a.AreaLonLat.IsEmpty ? null : AnalysisLayers.AsMultiPolygon(toWorking.Transform(a.AreaLonLat)),
                    agencyId, a.Minutes, a.ReachedNodes, a.Estimated, a.FailureReason);
        }, ct);
    }

    /// <summary>Writes a FeatureCollection, one feature per cutoff with a <c>minutes</c> property.</summary>
    public static void WriteGeoJson(string path, string agencyId, IReadOnlyList<Area> areas)
    {
        var collection = new FeatureCollection();
        foreach (var a in areas)
            collection.Add(new Feature(a.AreaLonLat, new AttributesTable
            {
                { "agency_id", agencyId },
                { "minutes", a.Minutes },
                { "reached_nodes", a.ReachedNodes },
                { "estimated", a.Estimated },
                { "failure_reason", a.FailureReason },
            }));
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        File.WriteAllText(path, JsonSerializer.Serialize(collection, options));
    }

    /// <summary>Without roads: discs of radius speed × t / detour factor around <paramref name="origin"/> (lon, lat), flagged as estimates.</summary>
    public static List<Area> Estimated((double Lon, double Lat) origin, IReadOnlyList<double> cutoffs, int workingCrs)
    {
        var fallback = new Territory.Routing.Algorithms.StraightLineEstimator();
        var there = new Reprojector(CrsRegistry.Wgs84, workingCrs).Transform(origin.Lon, origin.Lat);
        var back = new Reprojector(workingCrs, CrsRegistry.Wgs84);
        var centre = new GeometryFactory(new PrecisionModel(), workingCrs).CreatePoint(new Coordinate(there.X, there.Y));
        return cutoffs.Select(m =>
        {
            var radius = fallback.SpeedKmh / 3.6 * m * 60 / fallback.DetourFactor;
            return new Area(m, back.Transform(centre.Buffer(radius, 32)), 0, true, null);
        }).ToList();
    }
}
