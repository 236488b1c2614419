using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Territory.Core.Analysis;
using Territory.Core.Crs;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;

namespace Territory.IO.Export;

/// <summary>Writes the territories as an RFC 7946 GeoJSON FeatureCollection (WGS 84 lon/lat, exterior rings counter-clockwise).</summary>
public static class AnalysisGeoJsonExporter
{
    /// <summary>Writes to a file (overwritten).</summary>
    public static void Write(AnalysisResult result, string path)
    {
        using var stream = File.Create(path);
        Write(result, stream);
    }

    /// <summary>Writes to a stream (UTF-8, no BOM); the stream is left open.</summary>
    public static void Write(AnalysisResult result, Stream stream)
    {
        var reprojector = new Reprojector(result.WorkingCrsEpsg, CrsRegistry.Wgs84);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var t in result.Territories)
        {
            var i = t.Indicators;
            var d = t.Decision;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", t.Id);
            w.WritePropertyName("geometry");
            WriteGeometry(w, reprojector.Transform(t.Geometry));
            w.WriteStartObject("properties");
            w.WriteString("id", t.Id);
            w.WriteString("name", t.Name);
            w.WriteString("kind", t.Kind.Code());
            WriteNullable(w, "commune", t.CommuneCode);
            WriteNullable(w, "qpv", t.QpvCode);
            w.WriteString("type", d.Type.Code());
            w.WriteString("type_label", Catalogue.Text(Fr, "territory_type_" + d.Type.Code()));
            w.WriteNumber("score", Math.Round(d.Score, 4));
            w.WriteString("runner_up", d.RunnerUp.Code());
            w.WriteNumber("margin", Math.Round(d.Margin, 4));
            w.WriteString("rule", d.RuleIn(Fr));
            w.WriteNumber("dwellings", i.Dwellings);
            w.WriteNumber("estates", i.Estates);
            w.WriteNumber("dwellings_per_estate", Math.Round(i.DwellingsPerEstate, 2));
            Num(w, "collective_share", i.CollectiveShare);
            w.WriteNumber("qpv_dwellings", i.QpvDwellings);
            w.WriteNumber("qpv_share", Math.Round(i.QpvShare, 4));
            Num(w, "density_level", i.DensityLevel);
            w.WriteBoolean("density_estimated", i.DensityEstimated);
            Num(w, "population", i.Population);
            Num(w, "qpv_area_share", i.QpvAreaShare);
            Num(w, "nearest_same_landlord_m", i.NearestSameLandlordMeters);
            w.WriteNumber("nearby_landlord_dwellings", Math.Round(i.NearbyLandlordDwellings, 1));
            Num(w, "travel_mean_min", i.MeanTravelMinutes);
            Num(w, "travel_max_min", i.MaxTravelMinutes);
            w.WriteBoolean("travel_estimated", i.TravelEstimated);
            w.WriteNumber("landlords", i.Landlords.Count);
            w.WriteNumber("site_agents_fte", Math.Round(i.SiteAgents, 3));
            Num(w, "dwellings_per_site_agent", i.DwellingsPerSiteAgent);
            w.WriteNumber("own_dwellings", t.OwnDwellings);
            Num(w, "district_dwellings", i.DistrictDwellings);
            w.WriteStartArray("notes");
            foreach (var n in d.NotesIn(Fr)) w.WriteStringValue(n);
            w.WriteEndArray();
            w.WriteStartArray("presence");
            foreach (var p in t.Plan)
            {
                w.WriteStartObject();
                w.WriteNumber("rank", p.Rank);
                w.WriteString("form", p.Form.Code());
                w.WriteString("label", Catalogue.Text(Fr, p.Form.LabelCode()));
                w.WriteString("status", p.Status.Code());
                w.WriteString("status_label", Catalogue.Text(Fr, p.Status.LabelCode()));
                w.WriteString("reason_code", p.Reason.Code);
                w.WriteString("reason", p.Reason.Render(Fr));
                w.WriteStartObject("trigger");
                w.WriteString("name", p.Trigger.Name);
                Num(w, "value", p.Trigger.Value);
                w.WriteNumber("threshold", p.Trigger.Threshold);
                w.WriteEndObject();
                Num(w, "quantity", p.Quantity);
                if (p.Unit is { } unit) w.WriteString("unit", unit);
                w.WriteStartArray("sites");
                foreach (var site in p.Sites) w.WriteStringValue(site);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Texts(w, "stakes", t.Stakes);
            Texts(w, "context", t.Context);
            var st = t.Staff;
            w.WriteStartObject("staff");
            w.WriteNumber("needed_site_fte", Math.Round(st.NeededSiteFte, 2));
            w.WriteNumber("declared_site_fte", Math.Round(st.DeclaredSiteFte, 2));
            w.WriteNumber("needed_proximity_fte", Math.Round(st.NeededProximityFte, 2));
            w.WriteNumber("declared_proximity_fte", Math.Round(st.DeclaredProximityFte, 2));
            w.WriteNumber("drive_hours_per_week", Math.Round(st.DriveHoursPerWeek, 1));
            w.WriteNumber("gap_fte", Math.Round(st.GapFte, 2));
            w.WriteEndObject();
            var c = t.Caretaking.Own;
            w.WriteStartObject("caretaking");
            w.WriteString("status", c.Status.Code());
            w.WriteNumber("required_fte", Math.Round(c.RequiredFte, 2));
            w.WriteNumber("declared_fte", Math.Round(c.DeclaredFte, 2));
            w.WriteNumber("deficit_fte", Math.Round(c.DeficitFte, 2));
            w.WriteNumber("to_check_dwellings", c.ToCheckDwellings);
            w.WriteNumber("not_assessable_dwellings", c.NotAssessableDwellings);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    private const Lang Fr = Lang.Fr;

    private static void Texts(Utf8JsonWriter w, string name, IEnumerable<Message> messages)
    {
        w.WriteStartArray(name);
        foreach (var m in messages) w.WriteStringValue(m.Render(Fr));
        w.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Num(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, Math.Round(v, 4));
        else w.WriteNull(name);
    }

    internal static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        switch (g)
        {
            case Point p:
                w.WriteString("type", "Point");
                w.WritePropertyName("coordinates");
                Position(w, p.Coordinate);
                break;
            case LineString l:
                w.WriteString("type", "LineString");
                w.WritePropertyName("coordinates");
                Positions(w, l.Coordinates);
                break;
            case Polygon poly:
                w.WriteString("type", "Polygon");
                w.WritePropertyName("coordinates");
                PolygonRings(w, poly);
                break;
            case MultiPolygon mp:
                w.WriteString("type", "MultiPolygon");
                w.WriteStartArray("coordinates");
                for (var k = 0; k < mp.NumGeometries; k++) PolygonRings(w, (Polygon)mp.GetGeometryN(k));
                w.WriteEndArray();
                break;
            default:
                w.WriteString("type", "GeometryCollection");
                w.WriteStartArray("geometries");
                for (var k = 0; k < g.NumGeometries; k++)
                {
                    var part = g.GetGeometryN(k);
                    if (!ReferenceEquals(part, g)) WriteGeometry(w, part);
                }
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void PolygonRings(Utf8JsonWriter w, Polygon poly)
    {
        w.WriteStartArray();
        Ring(w, poly.ExteriorRing.Coordinates, ccw: true);
        foreach (var hole in poly.InteriorRings) Ring(w, hole.Coordinates, ccw: false);
        w.WriteEndArray();
    }

    private static void Ring(Utf8JsonWriter w, Coordinate[] ring, bool ccw)
    {
        var coords = ring;
        if (ring.Length >= 4 && Orientation.IsCCW(ring) != ccw)
        {
            coords = (Coordinate[])ring.Clone();
            Array.Reverse(coords);
        }
        Positions(w, coords);
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] coords)
    {
        w.WriteStartArray();
        foreach (var c in coords) Position(w, c);
        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(c.X, 7));
        w.WriteNumberValue(Math.Round(c.Y, 7));
        w.WriteEndArray();
    }
}
