namespace Territory.Web.Api;

/// <summary>A background map the user may pick; <c>none</c> works offline (the communes are the background).</summary>
public sealed record Basemap(string Id, string Label, string LabelEn, string Type, string? Url = null, string? Layer = null,
    string? Format = null, string? MatrixSet = null, string? Style = null, string? Attribution = null);

/// <summary>The basemaps offered: none, OpenStreetMap tiles, IGN Géoplateforme (Plan IGN v2, orthophotos) over WMTS.</summary>
public static class Basemaps
{
    public static IReadOnlyList<Basemap> All { get; } =
    [
        new("none", "Aucun (hors ligne)", "None (offline)", "none"),
        new("osm", "OpenStreetMap", "OpenStreetMap", "xyz", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            Attribution: "© les contributeurs d'OpenStreetMap"),
        new("ign-plan", "Plan IGN v2", "IGN Plan v2", "wmts", "https://data.geopf.fr/wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2",
            "image/png", "PM", "normal", "© IGN – Géoplateforme"),
        new("ign-ortho", "Photographies aériennes IGN", "IGN aerial photographs", "wmts", "https://data.geopf.fr/wmts", "ORTHOIMAGERY.ORTHOPHOTOS",
            "image/jpeg", "PM", "normal", "© IGN – Géoplateforme"),
    ];
}
