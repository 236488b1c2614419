using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Territory.Core.Crs;
using Territory.Core.Messages;
using Territory.IO.GeoPackage;
using Territory.IO.Layers;

namespace Territory.Planning.Service;

/// <summary>
/// The round as layers: <c>tournees</c> (one line per leg, along the roads when routed) and <c>arrets</c> (one point per visit),
/// each with its week, day, order and clock times; written to a GeoPackage or a GeoJSON file.
/// </summary>
/// <remarks>GeoPackage layers are in the given CRS (the project's working CRS); GeoJSON is WGS84 lon/lat (RFC 7946), both layers in one collection told apart by <c>layer</c>.</remarks>
public static class RoundLayers
{
    /// <summary>Name of the legs layer.</summary>
    public const string Legs = "tournees";

    /// <summary>Name of the stops layer.</summary>
    public const string Stops = "arrets";

    private static readonly LayerColumn[] LegColumns =
    [
        new("base_id", ColumnType.Text, true), new("week", ColumnType.Integer, true), new("day", ColumnType.Integer, true),
        new("leg", ColumnType.Integer, true), new("from_id", ColumnType.Text, true), new("to_id", ColumnType.Text, true),
        new("depart", ColumnType.Text), new("arrive", ColumnType.Text), new("drive_minutes", ColumnType.Real), new("on_roads", ColumnType.Boolean),
    ];

    private static readonly LayerColumn[] StopColumns =
    [
        new("base_id", ColumnType.Text, true), new("week", ColumnType.Integer, true), new("day", ColumnType.Integer, true),
        new("stop_order", ColumnType.Integer, true), new("stop_id", ColumnType.Text, true), new("name", ColumnType.Text),
        new("arrive", ColumnType.Text), new("depart", ColumnType.Text), new("drive_minutes", ColumnType.Real), new("frequency", ColumnType.Text),
    ];

    /// <summary>Writes both layers to <paramref name="sink"/> (replacing them), geometries in <paramref name="srid"/>.</summary>
    public static void Write(ILayerSink sink, RoundResult round, int srid, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(round);
        var factory = new GeometryFactory(new PrecisionModel(), srid);
        var project = new Reprojector(CrsRegistry.Wgs84, srid);
        Coordinate At(double lon, double lat) { var (x, y) = project.Transform(lon, lat); return new Coordinate(x, y); }
        sink.WriteLayer(new LayerDefinition(Legs, "LINESTRING", srid, LegColumns) { Description = Catalogue.Text(Lang.Fr, "rounds3_layer_legs") }, false, w =>
        {
            foreach (var (day, leg, k, depart, arrive) in LegRows(round))
                w.Write(factory.CreateLineString(leg.Line.Select(p => At(p[0], p[1])).ToArray()), round.BaseId, day.Week, day.Day, k, leg.From, leg.To,
                    depart, arrive, Math.Round(leg.DriveMinutes, 2), leg.OnRoads);
        }, ct);
        sink.WriteLayer(new LayerDefinition(Stops, "POINT", srid, StopColumns) { Description = Catalogue.Text(Lang.Fr, "rounds3_layer_stops") }, false, w =>
        {
            foreach (var day in round.Days)
                for (int k = 0; k < day.Stops.Count; k++)
                {
                    var s = day.Stops[k];
                    w.Write(factory.CreatePoint(At(s.Lon, s.Lat)), round.BaseId, day.Week, day.Day, k + 1, s.Id, s.Name, s.Arrive, s.Depart,
                        Math.Round(s.DriveMinutes, 2), s.Frequency);
                }
        }, ct);
    }

    /// <summary>Writes both layers into a GeoPackage file (created when missing).</summary>
    public static void WriteGeoPackage(string path, RoundResult round, int srid, CancellationToken ct = default)
    {
        using var file = GeoPackageFile.Open(path);
        Write(file, round, srid, ct);
    }

    /// <summary>Writes one GeoJSON FeatureCollection (WGS84): the legs then the stops, each with a <c>layer</c> property.</summary>
    public static void WriteGeoJson(string path, RoundResult round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var factory = new GeometryFactory(new PrecisionModel(), CrsRegistry.Wgs84);
        var collection = new FeatureCollection();
        foreach (var (day, leg, k, depart, arrive) in LegRows(round))
            collection.Add(new Feature(factory.CreateLineString(leg.Line.Select(p => new Coordinate(p[0], p[1])).ToArray()), new AttributesTable
            {
                { "layer", Legs }, { "base_id", round.BaseId }, { "week", day.Week }, { "day", day.Day }, { "leg", k }, { "from_id", leg.From },
                { "to_id", leg.To }, { "depart", depart }, { "arrive", arrive }, { "drive_minutes", Math.Round(leg.DriveMinutes, 2) }, { "on_roads", leg.OnRoads },
            }));
        foreach (var day in round.Days)
            for (int k = 0; k < day.Stops.Count; k++)
            {
                var s = day.Stops[k];
                collection.Add(new Feature(factory.CreatePoint(new Coordinate(s.Lon, s.Lat)), new AttributesTable
                {
                    { "layer", Stops }, { "base_id", round.BaseId }, { "week", day.Week }, { "day", day.Day }, { "stop_order", k + 1 }, { "stop_id", s.Id },
                    { "name", s.Name }, { "arrive", s.Arrive }, { "depart", s.Depart }, { "drive_minutes", Math.Round(s.DriveMinutes, 2) }, { "frequency", s.Frequency },
                }));
            }
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        File.WriteAllText(path, JsonSerializer.Serialize(collection, options));
    }

    /// <summary>Each leg with its day, its order in the day (1-based), and the clock times of leaving and reaching.</summary>
    private static IEnumerable<(RoundResultDay Day, RoundLeg Leg, int Order, string Depart, string Arrive)> LegRows(RoundResult round)
    {
        foreach (var day in round.Days)
            for (int k = 0; k < day.Legs.Count; k++)
            {
                // Leaving the base at the day's start, a stop at its departure; reaching a stop at its arrival, the base at the day's end.
                var depart = k == 0 ? day.Start : day.Stops[k - 1].Depart;
                var arrive = k < day.Stops.Count ? day.Stops[k].Arrive : day.End;
                yield return (day, day.Legs[k], k + 1, depart, arrive);
            }
    }
}
