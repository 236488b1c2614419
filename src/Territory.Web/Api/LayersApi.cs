using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using Territory.Core.Analysis;
using Territory.Core.Caretaking;
using Territory.Core.Messages;
using Territory.Core.Model;
using Territory.Core.Presence;
using Territory.Core.Territories;
using Territory.Core.Typology;
using Territory.IO.Travel;
using Territory.Web.Geo;
using Territory.Web.State;

namespace Territory.Web.Api;

/// <summary>
/// <c>GET /api/layers/{layer}</c>: the map layers as GeoJSON in EPSG:4326, built once per
/// project state (and per simplification tolerance for polygons) and served from memory.
/// </summary>
public static class LayersApi
{
    private static readonly string[] Polygons = ["territories", "communes", "districts"];

    public static void MapLayersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/layers").WithTags("Couches");
        group.MapGet("/estates", (ProjectSession session, string? format, HttpContext context) => format switch
        {
            null or "geojson" => Layer(session.Current, "estates", Estates),
            "columns" => TypedResults.Bytes(session.Current.Layer("estates:columns", () =>
                System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(EstateColumns.Of(session.Current), GeoJson.ApiOptions)), "application/json"),
            _ => IsochronesApi.Invalid(context, "api_layer_format_invalid"),
        }).WithName("GetEstatesLayer");
        group.MapGet("/agencies", (ProjectSession session) => Layer(session.Current, "agencies", Agencies)).WithName("GetAgenciesLayer");
        group.MapGet("/recommendations", (ProjectSession session) => Layer(session.Current, "recommendations", Recommendations)).WithName("GetRecommendationsLayer");
        foreach (var name in Polygons)
        {
            group.MapGet("/" + name, (ProjectSession session, double? tolerance, HttpContext context) =>
            {
                if (tolerance is < 0 or > 100_000 || tolerance is double.NaN)
                    return IsochronesApi.Invalid(context, "api_tolerance_invalid");
                var t = Bucket(tolerance ?? 0);
                return Layer(session.Current, $"{name}:{t.ToString(CultureInfo.InvariantCulture)}", s => name switch
                {
                    "territories" => Territories(s, t),
                    "communes" => Communes(s, t),
                    _ => Districts(s, t),
                });
            }).WithName("Get" + char.ToUpperInvariant(name[0]) + name[1..] + "Layer");
        }
    }

    /// <summary>Tolerances snap to a power of two (or 0 below 1 m) so answers are shared between zoom levels.</summary>
    internal static double Bucket(double tolerance) => tolerance < 1 ? 0 : Math.Pow(2, Math.Floor(Math.Log2(tolerance)));

    private static IResult Layer(ProjectSnapshot snapshot, string key, Func<ProjectSnapshot, FeatureCollection> build) =>
        TypedResults.Bytes(snapshot.Layer(key, () => GeoJson.Serialize(build(snapshot))), GeoJson.ContentType);

    private static FeatureCollection Estates(ProjectSnapshot s)
    {
        var features = new FeatureCollection();
        foreach (var e in s.Data.Estates)
        {
            var point = e.Geometry as Point ?? e.Geometry.InteriorPoint;
            var (lon, lat) = s.ToWgs84.Transform(point.X, point.Y);
            s.TerritoryOfEstate.TryGetValue(e.Id, out var territory);
            s.AccessByEstate.TryGetValue(e.Id, out var access);
            // 50,000 estates are sent whole: null properties are left out (≈ 10 % of the answer).
            var attributes = new AttributesTable();
            void Add(string name, object? value)
            {
                if (value is not null)
                    attributes.Add(name, value);
            }
            Add("id", e.Id);
            Add("name", e.Name);
            Add("landlord", e.Landlord);
            Add("dwellings", e.Dwellings);
            Add("housing", Labels.Housing(e.Housing));
            Add("communeCode", e.CommuneCode);
            Add("communeName", e.CommuneCode is not null && s.CommunesByCode.TryGetValue(e.CommuneCode, out var c) ? c.Name : null);
            Add("qpvCode", e.QpvCode);
            Add("agencyId", e.AgencyId);
            Add("territoryId", territory?.Id);
            Add("type", territory?.Type.Code());
            Add("travelMinutes", access?.DurationSeconds is double sec ? Math.Round(sec / 60, 1) : null);
            Add("travelAgencyId", access?.AgencyId);
            Add("travelEstimated", access?.Estimated ?? true);
            Add("unreachableReason", access?.UnreachableReason);
            features.Add(new Feature(new Point(Math.Round(lon, 6), Math.Round(lat, 6)), attributes));
        }
        return features;
    }

    private static FeatureCollection Agencies(ProjectSnapshot s)
    {
        var features = new FeatureCollection();
        foreach (var a in s.Data.Agencies)
        {
            var (lon, lat) = s.ToWgs84.Transform(a.Location.X, a.Location.Y);
            string? unsnapped = null;
            s.Review?.UnsnappedAgencies.TryGetValue(a.Id, out unsnapped);
            features.Add(new Feature(new Point(Math.Round(lon, 6), Math.Round(lat, 6)), new AttributesTable
            {
                { "id", a.Id },
                { "name", a.Name },
                { "kind", a.Kind.Code() },
                { "kindLabel", Capitalised(Catalogue.Text(Lang.Fr, "point_kind_" + a.Kind.Code())) },
                { "landlord", a.Landlord },
                { "staff", a.Staff },
                { "siteStaff", a.SiteStaff },
                { "status", s.StatusOf(a.Id) },
                { "unsnappedReason", TravelReasons.Render(unsnapped, Lang.Fr) },
            }));
        }
        return features;
    }

    private static FeatureCollection Territories(ProjectSnapshot s, double tolerance)
    {
        var features = new FeatureCollection();
        foreach (var t in s.Analysis.Territories)
        {
            features.Add(new Feature(Polygon(s, t.Geometry, tolerance), new AttributesTable
            {
                { "id", t.Id },
                { "name", t.Name },
                { "kind", t.Kind.Code() },
                { "type", t.Type.Code() },
                { "typeLabel", Catalogue.Text(Lang.Fr, "territory_type_" + t.Type.Code()) },
                { "colour", t.Type.Colour() },
                { "dwellings", t.Indicators.Dwellings },
                { "estates", t.Indicators.Estates },
                { "caretakingApplies", t.Caretaking.Status == CaretakingStatus.Applies },
                { "caretakingDeficit", t.Caretaking.Own.DeficitFte > 1e-9 },
                { "forms", Actions(t) },
            }));
        }
        return features;
    }

    /// <summary>Codes of the plan's forms to create or reinforce, in rank order.</summary>
    private static string[] Actions(TerritoryResult t) => t.Plan.Where(p => p.Status.IsAction()).Select(p => p.Form.Code()).ToArray();

    private static FeatureCollection Communes(ProjectSnapshot s, double tolerance)
    {
        var features = new FeatureCollection();
        foreach (var c in s.Data.Communes)
            features.Add(new Feature(Polygon(s, c.Geometry, tolerance), new AttributesTable
            {
                { "code", c.Code }, { "name", c.Name }, { "population", c.Population }, { "densityLevel", c.DensityLevel },
            }));
        return features;
    }

    private static FeatureCollection Districts(ProjectSnapshot s, double tolerance)
    {
        var features = new FeatureCollection();
        foreach (var d in s.Data.Districts)
            features.Add(new Feature(Polygon(s, d.Geometry, tolerance), new AttributesTable
            {
                { "code", d.Code }, { "name", d.Name }, { "communeCode", d.CommuneCode },
            }));
        return features;
    }

    private static FeatureCollection Recommendations(ProjectSnapshot s)
    {
        var features = new FeatureCollection();
        foreach (var t in s.Analysis.Territories.Where(t => t.Plan.Any(p => p.Status.IsAction()) && !t.Geometry.IsEmpty))
        {
            var p = t.Geometry.InteriorPoint;
            var (lon, lat) = s.ToWgs84.Transform(p.X, p.Y);
            features.Add(new Feature(new Point(Math.Round(lon, 6), Math.Round(lat, 6)), new AttributesTable
            {
                { "territoryId", t.Id },
                { "name", t.Name },
                { "type", t.Type.Code() },
                { "colour", t.Type.Colour() },
                { "forms", Actions(t) },
                { "count", Actions(t).Length },
            }));
        }
        return features;
    }

    /// <summary>Simplified in the working CRS (metres, topology kept), then to lon/lat.</summary>
    private static Geometry Polygon(ProjectSnapshot s, Geometry geometry, double tolerance)
    {
        var g = tolerance > 0 ? TopologyPreservingSimplifier.Simplify(geometry, tolerance) : geometry;
        return GeoJson.Round(s.ToWgs84.Transform(g));
    }

    // The layers are the same for every language (served once per snapshot): their labels are French, the product's
    // language, for other GIS clients; the map itself names kinds and types from their codes with GET /api/messages.
    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
